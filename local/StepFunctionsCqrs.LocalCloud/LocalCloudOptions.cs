using System.Globalization;
using Microsoft.Extensions.Configuration;
using StepFunctionsCqrs.LocalCloud.Identity;

namespace StepFunctionsCqrs.LocalCloud;

/// <summary>Where the local cloud listens, where it keeps its data, and which region and account its ARNs name.</summary>
public sealed record LocalCloudOptions
{
    /// <summary>The loopback port of the edge; 0 picks a free one. LocalStack's port by default, so the same AWS_ENDPOINT_URL works.</summary>
    public int Port { get; init; } = 4566;

    /// <summary>The folder of the durable state (the SQS database lives here).</summary>
    public string DataDirectory { get; init; } = Path.Combine(Environment.CurrentDirectory, ".localcloud");

    /// <summary>The region in queue ARNs.</summary>
    public string Region { get; init; } = "us-east-1";

    /// <summary>The account id in queue URLs and ARNs.</summary>
    public string AccountId { get; init; } = "000000000000";

    /// <summary>The clock of visibility timeouts, delays, retention and long polls.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The callers whose signatures are checked; by default none, so every key is served unchecked with no roles.</summary>
    public LocalIdentities Identities { get; init; } = LocalIdentities.None;

    /// <summary>The SQLite file of the SQS service.</summary>
    public string SqsDatabasePath => Path.Combine(DataDirectory, "sqs.db");

    /// <summary>
    /// Reads <c>Port</c>, <c>DataDirectory</c>, <c>Region</c> and <c>AccountId</c> (command line <c>--Port 4566</c>,
    /// or environment <c>LOCALCLOUD_PORT</c> and so on), keeping the defaults for what is absent.
    /// </summary>
    public static LocalCloudOptions FromConfiguration(IConfiguration configuration)
    {
        var defaults = new LocalCloudOptions();
        var portText = configuration["Port"];
        var port = defaults.Port;
        if (portText is not null && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65_535))
        {
            throw new InvalidOperationException($"The local cloud Port '{portText}' is not a port number (0 to 65535).");
        }

        return defaults with
        {
            Port = port,
            DataDirectory = configuration["DataDirectory"] ?? defaults.DataDirectory,
            Region = configuration["Region"] ?? defaults.Region,
            AccountId = configuration["AccountId"] ?? defaults.AccountId,
        };
    }
}
