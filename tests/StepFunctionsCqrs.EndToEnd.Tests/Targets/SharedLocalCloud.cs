using StepFunctionsCqrs.EndToEnd.Tests.Driving;

namespace StepFunctionsCqrs.EndToEnd.Tests.Targets;

/// <summary>One local cloud for the scenarios that do not stop it; they use distinct hotels, so they never share data.</summary>
public sealed class SharedLocalCloud : IAsyncLifetime
{
    private LocalCloudProcess? cloud;

    /// <summary>The host.</summary>
    public LocalCloudProcess Cloud => cloud ?? throw new InvalidOperationException("Not started.");

    /// <summary>A client of the host.</summary>
    public StackDriver Stack { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        cloud = await LocalCloudProcess.StartAsync();
        Stack = await StackDriver.ConnectAsync(cloud);
    }

    public async Task DisposeAsync()
    {
        Stack?.Dispose();
        if (cloud is not null)
        {
            await cloud.DisposeAsync();
        }
    }
}

/// <summary>The scenarios sharing one local cloud.</summary>
[CollectionDefinition(Name)]
public sealed class SharedLocalCloudCollection : ICollectionFixture<SharedLocalCloud>
{
    public const string Name = "shared local cloud";
}
