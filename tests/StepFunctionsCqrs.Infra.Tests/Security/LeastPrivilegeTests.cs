using System.Text.Json.Nodes;
using StepFunctionsCqrs.Functions.Catalog;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Infra.Tests.Support;

namespace StepFunctionsCqrs.Infra.Tests.Security;

/// <summary>Every IAM policy in the deployed stack, checked against the least-privilege rules.</summary>
public sealed class LeastPrivilegeTests(CommandPipelineStackFixture stack) : IClassFixture<CommandPipelineStackFixture>
{
    /// <summary>Actions AWS only grants on <c>*</c>, each with the reason.</summary>
    private static readonly Dictionary<string, string> ActionsThatNeedEveryResource = new(StringComparer.Ordinal)
    {
        ["xray:PutTraceSegments"] = "X-Ray has no resource-level permissions",
        ["xray:PutTelemetryRecords"] = "X-Ray has no resource-level permissions",
        ["xray:GetSamplingRules"] = "X-Ray has no resource-level permissions",
        ["xray:GetSamplingTargets"] = "X-Ray has no resource-level permissions",
        ["logs:CreateLogDelivery"] = "vended-log delivery for Step Functions logging is account-wide",
        ["logs:GetLogDelivery"] = "vended-log delivery for Step Functions logging is account-wide",
        ["logs:UpdateLogDelivery"] = "vended-log delivery for Step Functions logging is account-wide",
        ["logs:DeleteLogDelivery"] = "vended-log delivery for Step Functions logging is account-wide",
        ["logs:ListLogDeliveries"] = "vended-log delivery for Step Functions logging is account-wide",
        ["logs:PutResourcePolicy"] = "Step Functions logging sets the account's log resource policy",
        ["logs:DescribeResourcePolicies"] = "Step Functions logging reads the account's log resource policy",
        ["logs:DescribeLogGroups"] = "Step Functions logging lists log groups; the action has no resource-level permissions",
    };

    private static readonly HashSet<string> DynamoDbWriteActions =
        ["dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:TransactWriteItems"];

    private static readonly HashSet<string> DynamoDbReadActions =
        ["dynamodb:GetItem", "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:ConditionCheckItem",
         "dynamodb:DescribeTable", "dynamodb:GetRecords", "dynamodb:GetShardIterator"];

    [Fact]
    public void The_stack_has_policies_to_check()
    {
        Assert.True(stack.PolicyStatements().Count() >= FunctionCatalog.All.Count);
    }

    [Fact]
    public void No_policy_grants_a_wildcard_action_or_uses_not_action_or_not_resource()
    {
        foreach (var (source, _, statement) in stack.PolicyStatements())
        {
            Assert.True(statement["NotAction"] is null && statement["NotResource"] is null, $"{source} uses NotAction or NotResource.");
            foreach (var action in Actions(statement))
            {
                Assert.False(action.Contains('*', StringComparison.Ordinal), $"{source} grants the wildcard action '{action}'.");
            }
        }
    }

    [Fact]
    public void Only_actions_without_resource_level_permissions_are_granted_on_every_resource()
    {
        foreach (var (source, _, statement) in stack.PolicyStatements())
        {
            var resources = JsonReferences.AsList(statement["Resource"]);
            if (resources.Any(r => r is JsonValue v && ((string?)v)!.Contains('*', StringComparison.Ordinal)))
            {
                var unjustified = Actions(statement).Where(a => !ActionsThatNeedEveryResource.ContainsKey(a)).ToList();
                Assert.True(unjustified.Count == 0, $"{source} grants {string.Join(", ", unjustified)} on a wildcard resource.");
            }
        }
    }

    [Fact]
    public void Roles_carry_no_managed_policies()
    {
        foreach (var (id, role) in stack.Template.Resources("AWS::IAM::Role"))
        {
            Assert.True(role["Properties"]!["ManagedPolicyArns"] is null, $"{id} has managed policies attached.");
        }
    }

    [Fact]
    public void Each_table_is_written_by_exactly_the_functions_whose_catalog_entry_writes_it()
    {
        foreach (var table in Tables.All)
        {
            var writers = RolesGranted(DynamoDbWriteActions, stack.TableIds[table.LogicalName]);
            var expected = FunctionCatalog.All.Where(f => f.Writes.Contains(table)).Select(f => stack.RoleIdsByFunction[f.Name]).ToHashSet();
            Assert.Equal(expected, writers);
        }
    }

    [Fact]
    public void Persist_alone_writes_the_commit_log()
    {
        var writers = RolesGranted(DynamoDbWriteActions, stack.TableIds[Tables.CommitLog.LogicalName]);

        Assert.Equal([stack.RoleIdsByFunction[FunctionCatalog.Persist.Name]], writers);
    }

    [Fact]
    public void Each_table_is_read_only_by_the_functions_whose_catalog_entry_reads_or_writes_it()
    {
        foreach (var table in Tables.All)
        {
            var readers = RolesGranted(DynamoDbReadActions, stack.TableIds[table.LogicalName]);
            var allowed = FunctionCatalog.All.Where(f => f.Reads.Contains(table) || f.Writes.Contains(table))
                .Select(f => stack.RoleIdsByFunction[f.Name]).ToHashSet();
            Assert.Subset(allowed, readers);
        }
    }

    [Fact]
    public void Query_only_reads()
    {
        var queryRole = stack.RoleIdsByFunction[FunctionCatalog.Query.Name];
        var dynamoActions = stack.PolicyStatements()
            .Where(s => s.Roles.Contains(queryRole))
            .SelectMany(s => Actions(s.Statement))
            .Where(a => a.StartsWith("dynamodb:", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(dynamoActions);
        Assert.All(dynamoActions, a => Assert.Contains(a, DynamoDbReadActions));
        Assert.DoesNotContain(stack.PolicyStatements().Where(s => s.Roles.Contains(queryRole)).SelectMany(s => Actions(s.Statement)),
            a => a.StartsWith("sqs:Send", StringComparison.Ordinal) || a.StartsWith("states:", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_dispatcher_touches_step_functions_and_only_to_start_this_state_machine_and_describe_its_executions()
    {
        var stateMachineId = stack.Template.Resources("AWS::StepFunctions::StateMachine").Single().Key;
        var grants = stack.PolicyStatements().Where(s => Actions(s.Statement).Any(a => a.StartsWith("states:", StringComparison.Ordinal))).ToList();

        Assert.All(grants, g => Assert.Equal([stack.RoleIdsByFunction[FunctionCatalog.Dispatch.Name]], g.Roles));
        Assert.Equal(["states:DescribeExecution", "states:StartExecution"], grants.SelectMany(g => Actions(g.Statement)).Order(StringComparer.Ordinal));
        var start = Assert.Single(grants, g => Actions(g.Statement).Contains("states:StartExecution")).Statement;
        Assert.Equal([stateMachineId], JsonReferences.AsList(start["Resource"]).Select(JsonReferences.TargetOf));
        var describe = Assert.Single(grants, g => Actions(g.Statement).Contains("states:DescribeExecution")).Statement;
        Assert.Contains(":execution:", describe["Resource"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal([stateMachineId], JsonReferences.AllTargets(describe["Resource"]).Where(t => !t.StartsWith("AWS::", StringComparison.Ordinal)).Distinct());
    }

    [Fact]
    public void Only_the_state_machine_invokes_functions_and_only_those_its_definition_names()
    {
        var grants = stack.PolicyStatements().Where(s => Actions(s.Statement).Contains("lambda:InvokeFunction")).ToList();
        var stateMachineRole = JsonReferences.TargetOf(stack.Template.SingleProperties("AWS::StepFunctions::StateMachine")["RoleArn"])
            ?? throw new InvalidOperationException("The state machine has no role reference.");

        Assert.All(grants, g => Assert.Equal([stateMachineRole], g.Roles));
        var invoked = grants.SelectMany(g => JsonReferences.AllTargets(g.Statement["Resource"])).ToHashSet();
        var expected = FunctionCatalog.All.Where(f => f.AslSubstitution is not null).Select(f => stack.FunctionIds[f.Name]).ToHashSet();
        Assert.Equal(expected, invoked);
    }

    [Fact]
    public void Functions_write_logs_only_to_their_own_log_group()
    {
        foreach (var definition in FunctionCatalog.All)
        {
            var role = stack.RoleIdsByFunction[definition.Name];
            var ownLogGroup = JsonReferences.TargetOf(
                stack.Template.Resources("AWS::Lambda::Function")[stack.FunctionIds[definition.Name]]["Properties"]!["LoggingConfig"]!["LogGroup"])
                ?? throw new InvalidOperationException($"{definition.Name} has no log group reference.");
            var logTargets = stack.PolicyStatements()
                .Where(s => s.Roles.Contains(role) && Actions(s.Statement).Any(a => a.StartsWith("logs:", StringComparison.Ordinal)))
                .SelectMany(s => JsonReferences.AllTargets(s.Statement["Resource"]))
                .ToHashSet();
            Assert.Equal([ownLogGroup], logTargets);
        }
    }

    [Fact]
    public void Each_function_is_granted_exactly_the_dynamodb_actions_its_handler_code_calls()
    {
        foreach (var definition in FunctionCatalog.All)
        {
            var granted = DynamoDbActionsOf(stack.RoleIdsByFunction[definition.Name]);
            var called = DynamoDbCallGraph.ActionsOf(definition.HandlerType);

            Assert.True(called.SetEquals(granted),
                $"{definition.Name} is granted [{string.Join(", ", granted.Order(StringComparer.Ordinal))}] but its code calls [{string.Join(", ", called)}].");
        }
    }

    [Fact]
    public void The_call_graph_sees_the_commit_logs_conditional_append_and_not_the_rebuild_scan()
    {
        var persist = DynamoDbCallGraph.ActionsOf(FunctionCatalog.Persist.HandlerType);

        Assert.Equal(["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"], persist);
        Assert.Empty(DynamoDbCallGraph.ActionsOf(FunctionCatalog.Validate.HandlerType));
    }

    [Fact]
    public void Persist_can_neither_delete_nor_update_nor_batch_write_the_commit_log()
    {
        var granted = DynamoDbActionsOf(stack.RoleIdsByFunction[FunctionCatalog.Persist.Name]);

        Assert.DoesNotContain("dynamodb:DeleteItem", granted);
        Assert.DoesNotContain("dynamodb:UpdateItem", granted);
        Assert.DoesNotContain("dynamodb:BatchWriteItem", granted);
        Assert.DoesNotContain("dynamodb:Scan", granted);
    }

    [Fact]
    public void Dynamodb_grants_name_only_the_tables_of_the_functions_catalog_entry()
    {
        foreach (var definition in FunctionCatalog.All)
        {
            var role = stack.RoleIdsByFunction[definition.Name];
            var tables = stack.PolicyStatements()
                .Where(s => s.Roles.Contains(role) && Actions(s.Statement).Any(a => a.StartsWith("dynamodb:", StringComparison.Ordinal)))
                .SelectMany(s => JsonReferences.AllTargets(s.Statement["Resource"]))
                .Where(t => !t.StartsWith("AWS::", StringComparison.Ordinal))
                .ToHashSet();
            var expected = definition.Reads.Concat(definition.Writes).Select(t => stack.TableIds[t.LogicalName]).ToHashSet();
            Assert.Equal(expected, tables);
        }
    }

    private HashSet<string> DynamoDbActionsOf(string roleId) =>
        stack.PolicyStatements()
            .Where(s => s.Roles.Contains(roleId))
            .SelectMany(s => Actions(s.Statement))
            .Where(a => a.StartsWith("dynamodb:", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);

    private HashSet<string> RolesGranted(HashSet<string> actions, string tableId) =>
        stack.PolicyStatements()
            .Where(s => Actions(s.Statement).Any(actions.Contains) && JsonReferences.AllTargets(s.Statement["Resource"]).Contains(tableId))
            .SelectMany(s => s.Roles)
            .ToHashSet();

    private static List<string> Actions(JsonObject statement) =>
        [.. JsonReferences.AsList(statement["Action"]).Select(a => (string)a!)];
}
