using StepFunctionsCqrs.LocalCloud.Identity;

namespace StepFunctionsCqrs.LocalCloud.Tests.Identity;

public sealed class CredentialsFileTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("credentials-tests-");

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public void The_first_start_writes_an_admin_profile_with_a_random_secret_only_its_owner_can_read()
    {
        var first = CredentialsFile.LoadOrCreate(folder.FullName);
        var admin = Assert.Single(first);

        Assert.Equal(CredentialsFile.AdminProfile, admin.Profile);
        Assert.Equal(CredentialsFile.AdminAccessKey, admin.AccessKey);
        Assert.Equal(["admin"], admin.Roles);
        Assert.Equal(40, admin.Secret.Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder.FullName, CredentialsFile.FileName)));
        }
    }

    [Fact]
    public void A_later_start_keeps_the_secret_written_first()
    {
        var first = CredentialsFile.LoadOrCreate(folder.FullName).Single();

        var again = CredentialsFile.LoadOrCreate(folder.FullName).Single();

        Assert.Equal(first.Secret, again.Secret);
    }

    [Fact]
    public void Two_starts_in_two_folders_get_different_admin_secrets()
    {
        var other = Directory.CreateTempSubdirectory("credentials-tests-");
        try
        {
            Assert.NotEqual(CredentialsFile.LoadOrCreate(folder.FullName).Single().Secret, CredentialsFile.LoadOrCreate(other.FullName).Single().Secret);
        }
        finally
        {
            other.Delete(recursive: true);
        }
    }

    [Fact]
    public void Profiles_added_by_hand_are_read_with_their_roles()
    {
        string[] lines = ["[admin]", "aws_access_key_id = LOCALADMIN", "aws_secret_access_key = a", "roles = admin", "", "# a guest", "[gina]",
            "aws_access_key_id=gina", "aws_secret_access_key=b", "roles = guest, reviewer", "[quiet]", "aws_access_key_id = q", "aws_secret_access_key = c"];

        var profiles = CredentialsFile.Parse(lines, "credentials");

        Assert.Equal(["admin", "gina", "quiet"], profiles.Select(p => p.Profile));
        Assert.Equal(["guest", "reviewer"], profiles[1].Roles);
        Assert.Empty(profiles[2].Roles);
    }

    [Theory]
    [InlineData("[p]|aws_access_key_id = a/b|aws_secret_access_key = s", "aws_access_key_id")]
    [InlineData("[p]|aws_access_key_id = a", "aws_secret_access_key")]
    [InlineData("[p]|aws_access_key_id = a|aws_secret_access_key = s|roles = guest,\"admin\"", "\"admin\"")]
    [InlineData("aws_access_key_id = a", "line 1")]
    public void A_malformed_profile_stops_start_up_naming_what_is_wrong(string text, string named)
    {
        var error = Assert.Throws<InvalidDataException>(() => CredentialsFile.Parse(text.Split('|'), "credentials"));

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void Two_profiles_with_one_access_key_are_refused()
    {
        LocalIdentity[] profiles = [new("admin", "LOCALADMIN", "a", ["admin"]), new("copy", "LOCALADMIN", "b", [])];

        var error = Assert.Throws<InvalidDataException>(() => LocalIdentities.Start(profiles));

        Assert.Contains("copy", error.Message);
    }

    [Fact]
    public void A_profile_cannot_take_the_command_apis_key()
    {
        LocalIdentity[] profiles = [new("admin", "LOCALADMIN", "a", ["admin"]), new("sneaky", LocalIdentities.CommandApiAccessKey, "b", [])];

        Assert.Throws<InvalidDataException>(() => LocalIdentities.Start(profiles));
    }
}
