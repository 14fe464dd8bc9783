using Amazon.CDK;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Infra.Stores;
using StepFunctionsCqrs.Infra.Tests.Support;

namespace StepFunctionsCqrs.Infra.Tests.Stores;

public sealed class StoresConstructTests
{
    [Fact]
    public void Creates_one_on_demand_encrypted_table_with_point_in_time_recovery_per_definition()
    {
        var stack = IsolatedStack.Create();
        var stores = new StoresConstruct(stack, "Stores", new StoresProps(Tables.All, RemovalPolicy.RETAIN));
        var template = SynthesizedTemplate.Of(stack);

        var tables = template.Resources("AWS::DynamoDB::Table");
        Assert.Equal(Tables.All.Count, tables.Count);
        foreach (var definition in Tables.All)
        {
            var properties = tables[template.LogicalIdOf(stores.TableFor(definition))]["Properties"]!;
            Assert.Equal("PAY_PER_REQUEST", (string?)properties["BillingMode"]);
            Assert.True((bool)properties["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]!);
            Assert.True((bool)properties["SSESpecification"]!["SSEEnabled"]!);

            var keys = properties["KeySchema"]!.AsArray().Select(k => ((string?)k!["AttributeName"], (string?)k["KeyType"])).ToList();
            Assert.Contains((definition.PartitionKey.Name, "HASH"), keys);
            if (definition.SortKey is { } sortKey)
            {
                Assert.Contains((sortKey.Name, "RANGE"), keys);
                Assert.Equal(2, keys.Count);
            }
            else
            {
                Assert.Single(keys);
            }

            var attributes = properties["AttributeDefinitions"]!.AsArray().ToDictionary(a => (string)a!["AttributeName"]!, a => (string?)a!["AttributeType"]);
            Assert.Equal(definition.PartitionKey.Type, attributes[definition.PartitionKey.Name]);
        }
    }

    [Fact]
    public void The_commit_log_refuses_deletion_and_keeps_point_in_time_recovery_while_data_is_retained()
    {
        var stack = IsolatedStack.Create();
        var stores = new StoresConstruct(stack, "Stores", new StoresProps(Tables.All, RemovalPolicy.RETAIN));
        var template = SynthesizedTemplate.Of(stack);

        foreach (var definition in Tables.All)
        {
            var properties = template.Resources("AWS::DynamoDB::Table")[template.LogicalIdOf(stores.TableFor(definition))]["Properties"]!;
            Assert.Equal(definition == Tables.CommitLog, (bool?)properties["DeletionProtectionEnabled"] ?? false);
        }

        var commitLog = template.Resources("AWS::DynamoDB::Table")[template.LogicalIdOf(stores.TableFor(Tables.CommitLog))]["Properties"]!;
        Assert.True((bool)commitLog["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]!);
    }

    [Fact]
    public void A_destroyed_environment_leaves_the_commit_log_unprotected_so_the_stack_can_be_deleted()
    {
        var stack = IsolatedStack.Create();
        new StoresConstruct(stack, "Stores", new StoresProps(Tables.All, RemovalPolicy.DESTROY));
        var template = SynthesizedTemplate.Of(stack);

        Assert.All(template.Resources("AWS::DynamoDB::Table").Values, t => Assert.NotEqual(true, (bool?)t["Properties"]!["DeletionProtectionEnabled"]));
    }

    [Fact]
    public void Command_statuses_expire_through_the_ttl_attribute_the_status_store_writes_and_no_other_table_expires()
    {
        var stack = IsolatedStack.Create();
        var stores = new StoresConstruct(stack, "Stores", new StoresProps(Tables.All, RemovalPolicy.RETAIN));
        var template = SynthesizedTemplate.Of(stack);

        foreach (var definition in Tables.All)
        {
            var ttl = template.Resources("AWS::DynamoDB::Table")[template.LogicalIdOf(stores.TableFor(definition))]["Properties"]!["TimeToLiveSpecification"];
            if (definition == Tables.CommandStatus)
            {
                Assert.Equal(CommandStatusRetention.TtlAttribute, (string?)ttl!["AttributeName"]);
                Assert.True((bool)ttl["Enabled"]!);
            }
            else
            {
                Assert.Null(ttl);
            }
        }
    }

    [Theory]
    [InlineData("destroy", "Delete")]
    [InlineData("retain", "Retain")]
    public void Tables_follow_the_removal_policy(string policy, string expectedDeletionPolicy)
    {
        var stack = IsolatedStack.Create();
        var removal = policy == "destroy" ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
        new StoresConstruct(stack, "Stores", new StoresProps(Tables.All, removal));
        var template = SynthesizedTemplate.Of(stack);

        Assert.All(template.Resources("AWS::DynamoDB::Table").Values, t => Assert.Equal(expectedDeletionPolicy, (string?)t["DeletionPolicy"]));
    }

    [Fact]
    public void Rejects_a_table_defined_twice()
    {
        var stack = IsolatedStack.Create();

        var error = Assert.Throws<ArgumentException>(
            () => new StoresConstruct(stack, "Stores", new StoresProps([Tables.CommitLog, Tables.CommitLog], RemovalPolicy.DESTROY)));

        Assert.Contains("'CommitLog' is defined more than once", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_key_type_dynamodb_does_not_have()
    {
        var stack = IsolatedStack.Create();
        var odd = new TableDefinition("Odd", new KeyAttribute("Id", "X"), null, "test");

        var error = Assert.Throws<ArgumentException>(() => new StoresConstruct(stack, "Stores", new StoresProps([odd], RemovalPolicy.DESTROY)));

        Assert.Contains("Table 'Odd' key 'Id' has type 'X'", error.Message, StringComparison.Ordinal);
    }
}
