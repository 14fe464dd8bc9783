using System.Security.Cryptography;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Functions.Authorization;

namespace StepFunctionsCqrs.LocalCloud.Identity;

/// <summary>
/// The callers whose signatures the local cloud checks. Locally an access key is an identity: SQS stamps it as the
/// message's SenderId and the read API names it as the caller, and the functions grant roles by it, as IAM principal
/// ids do on AWS. The command API and the functions sign with secrets made up at each start and never written down;
/// the admin and any further profiles come from the state folder's credentials file. A key not known here is still
/// served, as an identity of its own with no roles.
/// </summary>
public sealed class LocalIdentities
{
    /// <summary>The command API's access key: the one sender that may name the caller it acts for.</summary>
    public const string CommandApiAccessKey = "LOCALCOMMANDAPI";

    /// <summary>The functions' own access key (their execution role).</summary>
    public const string FunctionsAccessKey = "LOCALFUNCTIONS";

    private readonly Dictionary<string, LocalIdentity> byAccessKey;

    /// <summary>Known identities: the built-in ones and those of a credentials file.</summary>
    public LocalIdentities(LocalIdentity commandApi, LocalIdentity functions, IReadOnlyList<LocalIdentity> profiles)
    {
        CommandApi = commandApi;
        Functions = functions;
        Profiles = profiles;
        byAccessKey = new Dictionary<string, LocalIdentity>(StringComparer.Ordinal);
        foreach (var identity in profiles.Prepend(functions).Prepend(commandApi))
        {
            if (!byAccessKey.TryAdd(identity.AccessKey, identity))
            {
                throw new InvalidDataException(
                    $"The access key {identity.AccessKey} of profile '{identity.Profile}' is already the key of '{byAccessKey[identity.AccessKey].Profile}'; every profile needs its own.");
            }
        }
    }

    /// <summary>No one known: every key is served with no roles and no signature is checked.</summary>
    public static LocalIdentities None { get; } = new([]);

    private LocalIdentities(IReadOnlyList<LocalIdentity> profiles)
    {
        CommandApi = new LocalIdentity("command-api", CommandApiAccessKey, "", [Roles.CommandApi]);
        Functions = new LocalIdentity("functions", FunctionsAccessKey, "", []);
        Profiles = profiles;
        byAccessKey = [];
    }

    /// <summary>The command API, behind <c>POST /commands</c>.</summary>
    public LocalIdentity CommandApi { get; }

    /// <summary>The functions' execution role.</summary>
    public LocalIdentity Functions { get; }

    /// <summary>The profiles of the credentials file, the admin among them.</summary>
    public IReadOnlyList<LocalIdentity> Profiles { get; }

    /// <summary>The admin profile.</summary>
    public LocalIdentity Admin => Profiles.First(p => p.Profile == CredentialsFile.AdminProfile);

    /// <summary>The built-in identities with fresh secrets and the profiles of <paramref name="credentials"/>.</summary>
    public static LocalIdentities Start(IReadOnlyList<LocalIdentity> credentials) => new(
        new LocalIdentity("command-api", CommandApiAccessKey, NewSecret(), [Roles.CommandApi]),
        new LocalIdentity("functions", FunctionsAccessKey, NewSecret(), []),
        credentials);

    /// <summary>The identity of an access key, or null when the key is not known here.</summary>
    public LocalIdentity? Find(string accessKey) => byAccessKey.GetValueOrDefault(accessKey);

    /// <summary>The SENDER_ROLES mapping: the command API, and every profile with the roles it is given.</summary>
    public string SenderRolesJson => RolesJson(Profiles.Prepend(CommandApi));

    /// <summary>The CALLER_ROLES mapping: every profile with the roles it is given, for what it asks through the APIs.</summary>
    public string CallerRolesJson => RolesJson(Profiles);

    /// <summary>A random secret access key, 40 characters as AWS's are.</summary>
    public static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', 'A').Replace('/', 'B');

    private static string RolesJson(IEnumerable<LocalIdentity> identities)
    {
        var mapping = new JsonObject();
        foreach (var identity in identities.Where(i => i.Roles.Count > 0))
        {
            mapping[identity.AccessKey] = new JsonArray([.. identity.Roles.Select(role => (JsonNode)role)]);
        }

        return mapping.ToJsonString();
    }
}
