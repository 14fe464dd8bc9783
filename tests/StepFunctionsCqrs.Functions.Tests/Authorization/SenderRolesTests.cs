using StepFunctionsCqrs.Functions.Authorization;

namespace StepFunctionsCqrs.Functions.Tests.Authorization;

public sealed class SenderRolesTests
{
    private static readonly SenderRoles Mapping = SenderRoles.Parse(
        """{"AROAAPIROLE":["command-api"],"AIDAOPERATOR":["admin"],"123456789012":["admin"]}""", "test");

    [Fact]
    public void A_user_sender_is_matched_by_its_exact_id()
    {
        Assert.Equal(["admin"], Mapping.Of("AIDAOPERATOR")!);
    }

    [Fact]
    public void An_assumed_role_sender_matches_its_role_id_whatever_the_session_name()
    {
        Assert.Equal(["command-api"], Mapping.Of("AROAAPIROLE:apigateway-session-42")!);
    }

    [Fact]
    public void A_sender_that_is_not_configured_has_no_roles()
    {
        Assert.Null(Mapping.Of("AIDASTRANGER"));
        Assert.Null(Mapping.Of("AROAOTHERROLE:AROAAPIROLE"));
    }

    [Fact]
    public void A_federated_user_does_not_inherit_the_roles_configured_for_its_account()
    {
        Assert.Equal(["admin"], Mapping.Of("123456789012")!);
        Assert.Null(Mapping.Of("123456789012:mallory"));
    }

    [Fact]
    public void A_malformed_mapping_is_reported_with_its_source_and_an_example()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SenderRoles.Parse("[1,2]", "SENDER_ROLES"));
        Assert.Contains("SENDER_ROLES must be a JSON object", error.Message);
    }
}
