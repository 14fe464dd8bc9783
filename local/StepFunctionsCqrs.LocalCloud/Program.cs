using Microsoft.Extensions.Configuration;
using StepFunctionsCqrs.LocalCloud;

var configuration = new ConfigurationBuilder()
    .AddEnvironmentVariables("LOCALCLOUD_")
    .AddCommandLine(args)
    .Build();
var options = LocalCloudOptions.FromConfiguration(configuration);

await using var host = await LocalCloudHost.StartAsync(options, args);
Console.WriteLine($"Local cloud listening on {host.Endpoint} (data in {options.DataDirectory}).");
Console.WriteLine($"export AWS_ENDPOINT_URL={host.Endpoint.ToString().TrimEnd('/')}");
await host.WaitForShutdownAsync();
