using StepFunctionsCqrs.Cli.Tracing;

namespace StepFunctionsCqrs.Cli.Tests.Tracing;

public sealed class SpanSourceTests
{
    [Fact]
    public async Task Spans_are_not_faked_for_a_target_without_an_endpoint()
    {
        using var http = new HttpClient();

        var spans = await new SpanSource(http, null).ReadAsync("any", CancellationToken.None);

        Assert.Null(spans);
        Assert.Contains("X-Ray", SpanSource.ElsewhereNote, StringComparison.Ordinal);
    }
}
