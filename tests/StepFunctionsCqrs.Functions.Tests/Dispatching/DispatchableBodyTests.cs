using StepFunctionsCqrs.Functions.Dispatching;

namespace StepFunctionsCqrs.Functions.Tests.Dispatching;

public sealed class DispatchableBodyTests
{
    [Fact]
    public void A_command_id_ending_in_a_newline_cannot_name_an_execution_and_the_reason_shows_the_id_with_its_newline()
    {
        var problem = DispatchableBody.Problem("{\"commandId\":\"cmd-1\\n\"}", out _, out _);

        Assert.NotNull(problem);
        Assert.Contains("cannot name an execution", problem);
        Assert.Contains("\"cmd-1\\n\"", problem);
    }

    [Fact]
    public void A_very_long_command_id_is_quoted_shortened_in_the_reason()
    {
        var id = new string('c', 10_000);

        var problem = DispatchableBody.Problem($"{{\"commandId\":\"{id}\"}}", out _, out _);

        Assert.NotNull(problem);
        Assert.True(problem.Length < 300, problem);
    }
}
