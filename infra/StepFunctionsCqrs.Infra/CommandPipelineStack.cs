using Amazon.CDK;
using Constructs;
using StepFunctionsCqrs.Functions.Authorization;
using StepFunctionsCqrs.Functions.Catalog;
using StepFunctionsCqrs.Functions.Handlers;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Infra.Api;
using StepFunctionsCqrs.Infra.Configuration;
using StepFunctionsCqrs.Infra.Dispatching;
using StepFunctionsCqrs.Infra.Functions;
using StepFunctionsCqrs.Infra.Monitoring;
using StepFunctionsCqrs.Infra.Queueing;
using StepFunctionsCqrs.Infra.Stores;
using StepFunctionsCqrs.Infra.Workflow;

namespace StepFunctionsCqrs.Infra;

/// <summary>The whole system in one stack: queue, stores, functions, workflow, dispatcher, API and alarms.</summary>
public sealed class CommandPipelineStack : Stack
{
    /// <summary>Composes the constructs from the catalog, the table list and the embedded ASL definition.</summary>
    public CommandPipelineStack(Construct scope, DeploymentSettings settings, IStackProps? stackProps = null)
        : base(scope, settings?.StackName, stackProps)
    {
        ArgumentNullException.ThrowIfNull(settings);

        var commands = new CommandsQueueConstruct(this, "Commands", new CommandsQueueProps(FunctionCatalog.Dispatch.TimeoutSeconds));

        var stores = new StoresConstruct(this, "Stores", new StoresProps(Tables.All, settings.RemovalPolicy));

        var functions = new FunctionsConstruct(this, "Functions", new FunctionsProps(
            FunctionCatalog.All,
            stores.Tables.ToDictionary(t => t.Key, t => (Amazon.CDK.AWS.DynamoDB.ITable)t.Value, StringComparer.Ordinal),
            settings.FunctionsCodePath,
            settings.LambdaRuntimeName,
            settings.LogRetention,
            settings.RemovalPolicy)
        {
            ReservedConcurrency = settings.QueryReservedConcurrency is { } reserved
                ? new Dictionary<string, int>(StringComparer.Ordinal) { [FunctionCatalog.Query.Name] = reserved }
                : new Dictionary<string, int>(StringComparer.Ordinal),
        });

        var workflow = new WorkflowConstruct(this, "Workflow", new WorkflowProps(
            CommandPipelineDefinition.Load(), functions.All, settings.WorkflowType, settings.LogRetention, settings.RemovalPolicy)
        {
            LogLevel = settings.ExecutionLogLevel,
            IncludeExecutionData = settings.IncludeExecutionData,
        });

        // Dispatch counts a message it refuses on its last delivery as a dead letter.
        functions.For(FunctionCatalog.Dispatch).Function.AddEnvironment(DispatchHandler.MaxReceiveCountVariable,
            commands.MaxReceiveCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        new DispatcherConstruct(this, "Dispatcher", new DispatcherProps(
            functions.For(FunctionCatalog.Dispatch).Function, commands.Queue, workflow.StateMachine)
        {
            MaxConcurrency = settings.DispatchMaxConcurrency,
        });

        Output(StackOutputNames.CommandsQueueUrl, commands.Queue.QueueUrl, "Send commands here.");
        Output(StackOutputNames.DeadLetterQueueUrl, commands.DeadLetterQueue.QueueUrl, "Commands that could not be dispatched.");
        Output(StackOutputNames.StateMachineArn, workflow.StateMachine.StateMachineArn, "The command pipeline; execution name = commandId.");
        Output(StackOutputNames.ExecutionLogGroupName, workflow.LogGroup.LogGroupName, $"Execution events (level {settings.ExecutionLogLevel}).");
        Output(StackOutputNames.Region, Region, "Region of every resource in this stack.");
        foreach (var table in Tables.All)
        {
            Output(StackOutputNames.TableName(table), stores.TableFor(table).TableName, table.Purpose);
        }

        string? commandApiSender = null;
        ApiConstruct? api = null;
        if (settings.IncludeHttpApi)
        {
            api = new ApiConstruct(this, "Api", new ApiProps(functions.For(FunctionCatalog.Query).Function, commands.Queue)
            {
                Auth = settings.ApiAuth,
                JwtIssuer = settings.JwtIssuer,
                JwtAudience = settings.JwtAudience,
                JwtGroupsClaim = settings.JwtGroupsClaim,
                ThrottleRate = settings.ApiThrottleRate,
                ThrottleBurst = settings.ApiThrottleBurst,
                LogRetention = settings.LogRetention,
                RemovalPolicy = settings.RemovalPolicy,
            });
            var auth = settings.ApiAuth == ApiAuthScheme.Jwt ? "JWT bearer tokens" : "IAM-signed requests";
            Output(StackOutputNames.ApiUrl, api.Url, $"HTTP API ({auth}): GET queries, POST /commands.");
            commandApiSender = api.SenderRole.RoleId;
        }

        new AlarmsConstruct(this, "Alarms", new AlarmsProps(commands.DeadLetterQueue, workflow.StateMachine, functions.All)
        {
            CommandsQueue = commands.Queue,
            Tables = stores.Tables.ToDictionary(t => t.Key, t => (Amazon.CDK.AWS.DynamoDB.ITable)t.Value, StringComparer.Ordinal),
            HttpApi = api?.HttpApi,
            Notify = settings.AlarmTopic,
            AlarmEmail = settings.AlarmEmail,
            // Persist throws ConcurrencyConflict whenever another command wins an append; the workflow retries it, so its
            // Errors metric counts lost races. Its real failures end the execution Failed, which ExecutionsFailed watches.
            ErrorsExpected = new HashSet<string>(StringComparer.Ordinal) { FunctionCatalog.Persist.Name },
        });

        var validate = functions.For(FunctionCatalog.Validate).Function;
        validate.AddEnvironment(SenderRoles.EnvironmentVariable, SenderRolesVariable.Compose(commandApiSender, settings.SenderRolesJson));
        foreach (var callerReader in new[] { validate, functions.For(FunctionCatalog.Query).Function })
        {
            callerReader.AddEnvironment(CallerRolesVariable.Name, settings.CallerRolesJson);
            callerReader.AddEnvironment(CallerRolesVariable.JwtGroupsClaim, settings.JwtGroupsClaim);
        }
    }

    private void Output(string name, string value, string description) =>
        new CfnOutput(this, name, new CfnOutputProps { Value = value, Description = description });
}
