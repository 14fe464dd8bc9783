using System.Text;
using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Common;
using StepFunctionsCqrs.Asl.Invokers;

namespace StepFunctionsCqrs.Asl.Tests.Invokers;

public class LambdaHandlerInvokerTests
{
    private const string Arn = "arn:aws:lambda:us-east-1:000000000000:function:Echo";

    private sealed class OrderRejected(string message) : Exception(message);

    private static TaskInvocation Call(string resource, JsonNode? input) => new(resource, input, "S", "arn:exec", 0, null, () => { });

    private static readonly Func<Stream, Task<Stream>> Echo = async input =>
    {
        var copy = new MemoryStream();
        await input.CopyToAsync(copy);
        copy.Position = 0;
        return copy;
    };

    [Fact]
    public async Task The_handler_receives_the_task_input_as_JSON_and_its_output_is_the_result()
    {
        var invoker = new LambdaHandlerInvoker(new Dictionary<string, Func<Stream, Task<Stream>>> { [Arn] = Echo });
        var result = await invoker.InvokeAsync(Call(Arn, new JsonObject { ["a"] = 1 }), default);
        Assert.True(JsonNode.DeepEquals(new JsonObject { ["a"] = 1 }, result));
    }

    [Fact]
    public async Task A_handler_exception_becomes_an_error_named_after_the_exception_type_with_a_Lambda_style_cause()
    {
        var invoker = new LambdaHandlerInvoker(new Dictionary<string, Func<Stream, Task<Stream>>> { [Arn] = _ => throw new OrderRejected("no rooms") });
        var e = await Assert.ThrowsAsync<StatesException>(async () => await invoker.InvokeAsync(Call(Arn, null), default));
        Assert.Equal("OrderRejected", e.Error);
        var cause = JsonNode.Parse(e.Cause)!;
        Assert.Equal("no rooms", cause["errorMessage"]!.GetValue<string>());
        Assert.Equal("OrderRejected", cause["errorType"]!.GetValue<string>());
        Assert.IsType<JsonArray>(cause["stackTrace"]);
    }

    [Fact]
    public async Task An_unknown_function_fails_with_Lambda_ResourceNotFoundException()
    {
        var invoker = new LambdaHandlerInvoker(new Dictionary<string, Func<Stream, Task<Stream>>>());
        var e = await Assert.ThrowsAsync<StatesException>(async () => await invoker.InvokeAsync(Call(Arn, null), default));
        Assert.Equal("Lambda.ResourceNotFoundException", e.Error);
    }

    [Fact]
    public async Task The_lambda_invoke_integration_routes_by_FunctionName_and_wraps_the_Payload()
    {
        var invoker = new LambdaHandlerInvoker(new Dictionary<string, Func<Stream, Task<Stream>>> { [Arn] = Echo });
        var result = await invoker.InvokeAsync(Call("arn:aws:states:::lambda:invoke", new JsonObject { ["FunctionName"] = "Echo", ["Payload"] = new JsonObject { ["x"] = 2 } }), default);
        Assert.Equal(2, result!["Payload"]!["x"]!.GetValue<int>());
        Assert.Equal(200, result["StatusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_empty_response_stream_is_a_null_result()
    {
        var invoker = new LambdaHandlerInvoker(new Dictionary<string, Func<Stream, Task<Stream>>> { [Arn] = _ => Task.FromResult<Stream>(new MemoryStream()) });
        Assert.Null(await invoker.InvokeAsync(Call(Arn, null), default));
    }
}
