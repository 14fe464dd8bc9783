using StepFunctionsCqrs.Cli.Configuration;

namespace StepFunctionsCqrs.Cli.Tests.Configuration;

public sealed class SettingsSourceTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("cqrs-settings-").FullName;

    [Fact]
    public void The_config_file_in_the_working_directory_is_read_when_present()
    {
        File.WriteAllText(Path.Combine(folder, "cqrs.json"), """{"CQRS_DLQ_URL": "my-dlq", "CQRS_TABLE_PREFIX": "x-"}""");

        var source = SettingsSource.Load(_ => null, null, folder);

        Assert.Equal("my-dlq", source.Get("CQRS_DLQ_URL"));
        Assert.Equal(Path.Combine(folder, "cqrs.json"), source.FilePath);
    }

    [Fact]
    public void A_named_config_file_that_does_not_exist_is_an_error_naming_it()
    {
        var missing = Path.Combine(folder, "nope.json");

        var error = Assert.Throws<CliException>(() => SettingsSource.Load(_ => null, missing, folder));

        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void A_config_file_that_is_not_an_object_of_strings_is_rejected_with_the_setting_at_fault()
    {
        var notObject = Assert.Throws<CliException>(() => SettingsSource.Parse("[1]", "cfg.json"));
        var nested = Assert.Throws<CliException>(() => SettingsSource.Parse("""{"AWS_REGION": {"a": 1}}""", "cfg.json"));
        var broken = Assert.Throws<CliException>(() => SettingsSource.Parse("{", "cfg.json"));

        Assert.Contains("one JSON object", notObject.Message);
        Assert.Contains("'AWS_REGION' in 'cfg.json'", nested.Message);
        Assert.Contains("not valid JSON", broken.Message);
    }

    [Fact]
    public void Blank_values_count_as_unset()
    {
        var source = new SettingsSource(_ => "  ", new Dictionary<string, string> { ["A"] = "file" });

        Assert.Equal("file", source.Get("A"));
        Assert.Null(source.Get("B"));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
