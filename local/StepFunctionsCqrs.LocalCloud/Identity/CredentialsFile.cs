using System.Text;
using StepFunctionsCqrs.Functions.Authorization;
using StepFunctionsCqrs.LocalCloud.Edge;

namespace StepFunctionsCqrs.LocalCloud.Identity;

/// <summary>
/// The state folder's <c>credentials</c> file, in the AWS shared-credentials format so any SDK or the AWS CLI can use
/// it (<c>AWS_SHARED_CREDENTIALS_FILE</c>, <c>AWS_PROFILE</c>). The first start writes an <c>admin</c> profile with a
/// random secret, readable by its owner only. Further profiles may be added by hand; <c>roles</c>, a comma-separated
/// list, says what the functions grant each (none when absent). It is read once, at start.
/// </summary>
public static class CredentialsFile
{
    /// <summary>The file's name in the state folder.</summary>
    public const string FileName = "credentials";

    /// <summary>The profile written on first start, holding the admin role.</summary>
    public const string AdminProfile = "admin";

    /// <summary>The admin's access key.</summary>
    public const string AdminAccessKey = "LOCALADMIN";

    /// <summary>Reads the file of <paramref name="stateFolder"/>, writing it first when it does not exist.</summary>
    public static IReadOnlyList<LocalIdentity> LoadOrCreate(string stateFolder)
    {
        var path = Path.Combine(stateFolder, FileName);
        if (!File.Exists(path))
        {
            Write(path);
        }

        var profiles = Parse(File.ReadAllLines(path), path);
        if (!profiles.Any(p => p.Profile == AdminProfile))
        {
            throw new InvalidDataException($"{path} has no [{AdminProfile}] profile; delete the file to have a new one written.");
        }

        return profiles;
    }

    /// <summary>The admin profile of the file of <paramref name="stateFolder"/>, which a started local cloud has written.</summary>
    public static LocalIdentity ReadAdmin(string stateFolder)
    {
        var path = Path.Combine(stateFolder, FileName);
        return Parse(File.ReadAllLines(path), path).FirstOrDefault(p => p.Profile == AdminProfile)
            ?? throw new InvalidDataException($"{path} has no [{AdminProfile}] profile.");
    }

    /// <summary>Parses the profiles of a credentials file; <paramref name="source"/> names it in errors.</summary>
    public static IReadOnlyList<LocalIdentity> Parse(IReadOnlyList<string> lines, string source)
    {
        var profiles = new List<LocalIdentity>();
        string? profile = null;
        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.StartsWith(';'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                Complete();
                profile = line[1..^1].Trim();
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (profile is null || equals <= 0)
            {
                throw new InvalidDataException($"{source} line {i + 1}: expected '[profile]' or 'key = value', found '{line}'.");
            }

            fields[line[..equals].Trim()] = line[(equals + 1)..].Trim();
        }

        Complete();
        return profiles;

        void Complete()
        {
            if (profile is null)
            {
                return;
            }

            var key = fields.GetValueOrDefault("aws_access_key_id");
            var secret = fields.GetValueOrDefault("aws_secret_access_key");
            if (key is null || !SigV4Verifier.IsAccessKey(key) || string.IsNullOrEmpty(secret))
            {
                throw new InvalidDataException(
                    $"{source}: profile [{profile}] needs aws_access_key_id (1 to 128 letters, digits, '_', '.' or '-') and aws_secret_access_key.");
            }

            var roles = (fields.GetValueOrDefault("roles") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (roles.FirstOrDefault(role => !Roles.IsName(role)) is { } wrong)
            {
                throw new InvalidDataException($"{source}: profile [{profile}] names the role '{wrong}'; a role is 1 to 32 letters, digits, '_', '.' or '-'.");
            }

            profiles.Add(new LocalIdentity(profile, key, secret, roles));
            fields.Clear();
        }
    }

    private static void Write(string path)
    {
        var text = new StringBuilder()
            .AppendLine("# The local cloud's callers. Requests signed with one of these keys must carry its signature; any other key")
            .AppendLine("# is served as a caller of its own with no roles. Add profiles with 'roles = guest' or 'roles = admin' and")
            .AppendLine("# restart the local cloud to grant them.")
            .AppendLine($"[{AdminProfile}]")
            .AppendLine($"aws_access_key_id = {AdminAccessKey}")
            .AppendLine($"aws_secret_access_key = {LocalIdentities.NewSecret()}")
            .AppendLine($"roles = {Roles.Admin}")
            .ToString();
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var writer = new StreamWriter(path, new UTF8Encoding(false), options);
        writer.Write(text);
    }
}
