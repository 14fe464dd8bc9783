using Amazon.Runtime.Internal;

namespace StepFunctionsCqrs.LocalCloud.Metering;

/// <summary>
/// Hooks every AWS SDK client this process builds (the in-process handlers' and the event source mapping's included) so
/// that requests signed with a metered access key and sent to a metered endpoint are counted by that local cloud's
/// <see cref="ServiceMeter"/>. The handlers stay as they are: the hook sits in the SDK's pipeline, as an SDK plug-in would.
/// </summary>
public static class SdkMetering
{
    private static readonly Lock Gate = new();
    private static readonly List<Registration> Registrations = [];
    private static bool customizerRegistered;

    /// <summary>Whether any meter is registered; DynamoDB requests then ask for their consumed capacity.</summary>
    public static bool Active
    {
        get
        {
            lock (Gate)
            {
                return Registrations.Count > 0;
            }
        }
    }

    /// <summary>
    /// Counts for <paramref name="meter"/> the requests signed with <paramref name="accessKey"/> to any of
    /// <paramref name="endpoints"/>; disposing the result stops it. Register before the clients to meter are built.
    /// </summary>
    public static IDisposable Register(ServiceMeter meter, string accessKey, IEnumerable<Uri> endpoints)
    {
        var registration = new Registration(meter, accessKey, [.. endpoints.Select(e => e.Authority)]);
        lock (Gate)
        {
            if (!customizerRegistered)
            {
                RuntimePipelineCustomizerRegistry.Instance.Register(new MeteringCustomizer());
                customizerRegistered = true;
            }

            Registrations.Add(registration);
        }

        return registration;
    }

    /// <summary>The meter counting a request to <paramref name="endpoint"/> signed with <paramref name="accessKey"/>, if any.</summary>
    public static ServiceMeter? MeterFor(Uri? endpoint, string? accessKey)
    {
        if (endpoint is null || accessKey is null)
        {
            return null;
        }

        lock (Gate)
        {
            return Registrations.FirstOrDefault(r => r.AccessKey == accessKey && r.Authorities.Contains(endpoint.Authority))?.Meter;
        }
    }

    private sealed class Registration(ServiceMeter meter, string accessKey, HashSet<string> authorities) : IDisposable
    {
        public ServiceMeter Meter { get; } = meter;

        public string AccessKey { get; } = accessKey;

        public HashSet<string> Authorities { get; } = authorities;

        public void Dispose()
        {
            lock (Gate)
            {
                Registrations.Remove(this);
            }
        }
    }

    private sealed class MeteringCustomizer : IRuntimePipelineCustomizer
    {
        public string UniqueName => "StepFunctionsCqrs.LocalCloud.Metering";

        // Before the marshaller, so the request can still ask for its consumed capacity; on the way back the response
        // is unmarshalled and the signed request holds its endpoint and access key.
        public void Customize(Type type, RuntimePipeline pipeline) => pipeline.AddHandlerBefore<Marshaller>(new MeteringPipelineHandler());
    }
}
