using Amazon.CDK;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.StepFunctions;
using StepFunctionsCqrs.Functions.Catalog;
using StepFunctionsCqrs.Infra.Configuration;
using StepFunctionsCqrs.Infra.Functions;
using StepFunctionsCqrs.Infra.Queueing;
using StepFunctionsCqrs.Infra.Workflow;

namespace StepFunctionsCqrs.Infra.Tests.Support;

/// <summary>Queue, stores, functions and workflow on a stack: the inputs of the dispatcher, API and alarm constructs.</summary>
internal sealed record PipelineBuilder(Stack Stack, CommandsQueueConstruct Commands, FunctionsConstruct Functions, WorkflowConstruct Workflow)
{
    public static PipelineBuilder Build(string codePath)
    {
        var stack = IsolatedStack.Create();
        var commands = new CommandsQueueConstruct(stack, "Commands", new CommandsQueueProps(FunctionCatalog.Dispatch.TimeoutSeconds));
        var functions = DeployedFunctionsBuilder.Build(stack, codePath);
        var workflow = new WorkflowConstruct(stack, "Workflow", new WorkflowProps(
            CommandPipelineDefinition.Load(), functions.All, StateMachineType.STANDARD, RetentionDays.ONE_MONTH, RemovalPolicy.DESTROY));
        return new PipelineBuilder(stack, commands, functions, workflow);
    }
}
