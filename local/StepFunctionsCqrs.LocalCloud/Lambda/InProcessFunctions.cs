using System.Diagnostics;
using StepFunctionsCqrs.Functions.Catalog;
using StepFunctionsCqrs.LocalCloud.Metering;

namespace StepFunctionsCqrs.LocalCloud.Lambda;

/// <summary>
/// The catalog's functions as in-process handlers, keyed by function ARN. Each handler is built once, on first use,
/// with its parameterless constructor (the one Lambda uses), so it reads the environment set by <see cref="FunctionEnvironment"/>.
/// </summary>
public sealed class InProcessFunctions
{
    private readonly Dictionary<string, Lazy<Func<Stream, Task<Stream>>>> handlers = new(StringComparer.Ordinal);

    /// <summary>
    /// Registers every function of <see cref="FunctionCatalog.All"/> under its ARN in <paramref name="region"/> and
    /// <paramref name="accountId"/>, behind <paramref name="faults"/> when given; <paramref name="meter"/> hears each invocation's run time.
    /// </summary>
    public InProcessFunctions(string region, string accountId, FaultInjection? faults = null, ServiceMeter? meter = null)
    {
        faults ??= FaultInjection.None;
        Region = region;
        AccountId = accountId;
        foreach (var function in FunctionCatalog.All)
        {
            handlers[ArnOf(function)] = new Lazy<Func<Stream, Task<Stream>>>(
                () => Metered(function.Name, faults.Wrap(function.Name, Create(function)), meter), LazyThreadSafetyMode.ExecutionAndPublication);
        }
    }

    /// <summary>The region of the function ARNs.</summary>
    public string Region { get; }

    /// <summary>The account of the function ARNs.</summary>
    public string AccountId { get; }

    /// <summary>The ARN a function gets, e.g. arn:aws:lambda:us-east-1:000000000000:function:Persist.</summary>
    public string ArnOf(FunctionDefinition function) => $"arn:aws:lambda:{Region}:{AccountId}:function:{function.Name}";

    /// <summary>The state machine's <c>${XFunctionArn}</c> substitutions, filled from the catalog.</summary>
    public IReadOnlyDictionary<string, string> Substitutions =>
        FunctionCatalog.All.Where(f => f.AslSubstitution is not null).ToDictionary(f => f.AslSubstitution!, ArnOf, StringComparer.Ordinal);

    /// <summary>Entry points by ARN, for the engine's Lambda invoker.</summary>
    public IReadOnlyDictionary<string, Func<Stream, Task<Stream>>> ByArn =>
        handlers.ToDictionary(p => p.Key, p => (Func<Stream, Task<Stream>>)(input => p.Value.Value(input)), StringComparer.Ordinal);

    /// <summary>Invokes a function by catalog entry.</summary>
    public Task<Stream> InvokeAsync(FunctionDefinition function, Stream input) => handlers[ArnOf(function)].Value(input);

    // An invocation that fails is billed as well, so it is timed as well.
    private static Func<Stream, Task<Stream>> Metered(string name, Func<Stream, Task<Stream>> handler, ServiceMeter? meter) => meter is null
        ? handler
        : async input =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                return await handler(input).ConfigureAwait(false);
            }
            finally
            {
                meter.RecordInvocation(name, Stopwatch.GetElapsedTime(started));
            }
        };

    private static Func<Stream, Task<Stream>> Create(FunctionDefinition function)
    {
        var instance = Activator.CreateInstance(function.HandlerType)
            ?? throw new InvalidOperationException($"Could not create {function.HandlerType.FullName} for function {function.Name}.");
        var method = function.HandlerType.GetMethod("Handle", [typeof(Stream)])
            ?? throw new InvalidOperationException($"{function.HandlerType.FullName} (function {function.Name}) has no Handle(Stream) method.");
        return method.CreateDelegate<Func<Stream, Task<Stream>>>(instance);
    }
}
