using System.Text.Json;

namespace StepFunctionsCqrs.Cli.Configuration;

/// <summary>Where settings come from: environment variables first, then an optional JSON config file keyed by the same names.</summary>
public sealed class SettingsSource
{
    /// <summary>The variable naming the config file when <c>--config</c> is not given.</summary>
    public const string ConfigFileVariable = "CQRS_CONFIG";

    /// <summary>The config file looked for in the working directory when neither is given.</summary>
    public const string DefaultConfigFileName = "cqrs.json";

    private readonly Func<string, string?> environment;
    private readonly IReadOnlyDictionary<string, string> file;

    /// <summary>Reads from the given variables and file values.</summary>
    public SettingsSource(Func<string, string?> environment, IReadOnlyDictionary<string, string> file)
    {
        this.environment = environment;
        this.file = file;
    }

    /// <summary>The path of the file the values came from, for messages; null when none was read.</summary>
    public string? FilePath { get; init; }

    /// <summary>The value of a setting, or null when neither source sets it (blank counts as unset).</summary>
    public string? Get(string name) =>
        NonBlank(environment(name)) ?? (file.TryGetValue(name, out var value) ? NonBlank(value) : null);

    /// <summary>Loads the config file (explicit path, else <see cref="ConfigFileVariable"/>, else ./cqrs.json when present).</summary>
    public static SettingsSource Load(Func<string, string?> environment, string? explicitPath, string workingDirectory)
    {
        var path = NonBlank(explicitPath) ?? NonBlank(environment(ConfigFileVariable));
        var mustExist = path is not null;
        path ??= Path.Combine(workingDirectory, DefaultConfigFileName);
        if (!File.Exists(path))
        {
            return mustExist
                ? throw new CliException($"The config file '{path}' does not exist.")
                : new SettingsSource(environment, new Dictionary<string, string>());
        }

        return new SettingsSource(environment, Parse(File.ReadAllText(path), path)) { FilePath = path };
    }

    /// <summary>Parses a config file: one JSON object of string (or number/boolean) values.</summary>
    public static IReadOnlyDictionary<string, string> Parse(string json, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new CliException($"The config file '{path}' is not valid JSON: {e.Message}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CliException($"The config file '{path}' must hold one JSON object mapping setting names to values, e.g. {{\"CQRS_COMMANDS_QUEUE_URL\": \"...\"}}.");
            }

            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                values[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => property.Value.GetRawText(),
                    var kind => throw new CliException($"Setting '{property.Name}' in '{path}' is a JSON {kind}; settings are strings."),
                };
            }

            return values;
        }
    }

    private static string? NonBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
