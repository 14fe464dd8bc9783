using StepFunctionsCqrs.LocalCloud.WebConsole.Executions;

namespace StepFunctionsCqrs.LocalCloud.Tests.WebConsole;

/// <summary>A definition with every kind of state, Choice rules of each shape, a Catch, and names that need escaping in ids.</summary>
public static class Showcase
{
    /// <summary>$.n = 2 runs the Parallel then the Map; $.n = 3 goes straight to the Map.</summary>
    public static readonly string Definition = $$"""
        {
          "StartAt": "Check #1",
          "States": {
            "Check #1": {
              "Type": "Choice",
              "Choices": [
                { "Variable": "$.n", "NumericEquals": 2, "Next": "Fan out" },
                { "Not": { "Variable": "$.n", "NumericLessThan": 3 }, "Next": "Each item" },
                { "And": [ { "Variable": "$.a", "IsPresent": true }, { "Variable": "$.s", "StringEquals": "go" } ], "Next": "Hold" },
                { "Variable": "$.a", "StringEqualsPath": "$.b", "Next": "Give up" }
              ],
              "Default": "Give up"
            },
            "Hold": { "Type": "Wait", "Seconds": 1, "Next": "Done" },
            "Fan out": {
              "Type": "Parallel",
              "ResultPath": null,
              "Branches": [
                { "StartAt": "Shape", "States": {
                    "Shape": { "Type": "Pass", "Next": "Work" },
                    "Work": { "Type": "Task", "Resource": "{{FlakyLambdas.Arn("work")}}", "Parameters": { "id": "b0", "failures": 1 },
                              "Retry": [ { "ErrorEquals": ["Flaky"], "IntervalSeconds": 1 } ], "End": true } } },
                { "StartAt": "Pause", "States": {
                    "Pause": { "Type": "Wait", "Seconds": 2, "Next": "Branch done" },
                    "Branch done": { "Type": "Succeed" } } }
              ],
              "Catch": [ { "ErrorEquals": ["Flaky", "States.Timeout"], "Next": "Give up" } ],
              "Next": "Each item"
            },
            "Each item": {
              "Type": "Map",
              "ItemsPath": "$.items",
              "ItemProcessor": { "StartAt": "Process", "States": {
                "Process": { "Type": "Task", "Resource": "{{FlakyLambdas.Arn("work")}}", "Retry": [ { "ErrorEquals": ["Flaky"], "IntervalSeconds": 1 } ], "End": true } } },
              "ResultPath": null,
              "Next": "Done"
            },
            "Done": { "Type": "Succeed" },
            "Give up": { "Type": "Fail", "Error": "GaveUp", "Cause": "nothing matched" }
          }
        }
        """;

    /// <summary>The graph of the definition before anything ran.</summary>
    public static StateGraph Graph() => ExecutionAnalyzer.Analyze(Definition, []).Graph;
}
