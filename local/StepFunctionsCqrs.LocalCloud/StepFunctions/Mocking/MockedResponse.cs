namespace StepFunctionsCqrs.LocalCloud.StepFunctions.Mocking;

/// <summary>
/// A named entry of <c>MockedResponses</c>: the answers of a state's invocations in order, each for an invocation
/// number ("0") or a range of them ("1-2"), counted from 0 across the state's retries and re-entries.
/// </summary>
public sealed class MockedResponse(string name, IReadOnlyList<(int From, int To, MockedAnswer Answer)> answers)
{
    /// <summary>The entry's name in <c>MockedResponses</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The answers with the invocations they cover, in order and without gaps from invocation 0.</summary>
    public IReadOnlyList<(int From, int To, MockedAnswer Answer)> Answers { get; } = answers;

    /// <summary>
    /// The answer to invocation <paramref name="invocation"/> (0 for the first). Past the last one given the last
    /// answer repeats, so a test that retries more than it planned sees the same answer rather than a real call.
    /// </summary>
    public MockedAnswer AnswerFor(int invocation)
    {
        foreach (var (from, to, answer) in Answers)
        {
            if (invocation >= from && invocation <= to)
            {
                return answer;
            }
        }

        return Answers[^1].Answer;
    }
}
