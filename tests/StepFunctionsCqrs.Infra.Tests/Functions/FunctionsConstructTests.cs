using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.Logs;
using StepFunctionsCqrs.Functions.Catalog;
using StepFunctionsCqrs.Functions.Stores;
using StepFunctionsCqrs.Infra.Configuration;
using StepFunctionsCqrs.Infra.Functions;
using StepFunctionsCqrs.Infra.Tests.Support;

namespace StepFunctionsCqrs.Infra.Tests.Functions;

public sealed class FunctionsConstructTests : IDisposable
{
    private readonly TemporaryPublishFolder _publish = new();

    public void Dispose() => _publish.Dispose();

    [Fact]
    public void Creates_one_arm64_function_per_catalog_entry_with_its_handler_memory_and_timeout()
    {
        var stack = IsolatedStack.Create();
        var functions = DeployedFunctionsBuilder.Build(stack, _publish.Path);
        var template = SynthesizedTemplate.Of(stack);

        var lambdas = template.Resources("AWS::Lambda::Function");
        Assert.Equal(FunctionCatalog.All.Count, lambdas.Count);
        foreach (var definition in FunctionCatalog.All)
        {
            var properties = lambdas[template.LogicalIdOf(functions.For(definition).Function)]["Properties"]!;
            Assert.Equal(definition.LambdaHandler, (string?)properties["Handler"]);
            Assert.Equal("dotnet10", (string?)properties["Runtime"]);
            Assert.Equal("arm64", (string?)properties["Architectures"]![0]);
            Assert.Equal(definition.MemoryMb, (int)properties["MemorySize"]!);
            Assert.Equal(definition.TimeoutSeconds, (int)properties["Timeout"]!);
            Assert.Equal("Active", (string?)properties["TracingConfig"]!["Mode"]);
            Assert.Equal(
                template.LogicalIdOf(functions.For(definition).LogGroup),
                JsonReferences.TargetOf(properties["LoggingConfig"]!["LogGroup"]));
        }
    }

    [Fact]
    public void The_runtime_can_be_overridden_for_environments_without_dotnet10()
    {
        var stack = IsolatedStack.Create();
        DeployedFunctionsBuilder.Build(stack, _publish.Path, runtime: "dotnet8");
        var template = SynthesizedTemplate.Of(stack);

        Assert.All(template.Resources("AWS::Lambda::Function").Values, f => Assert.Equal("dotnet8", (string?)f["Properties"]!["Runtime"]));
    }

    [Fact]
    public void Each_function_gets_the_names_of_exactly_the_tables_its_catalog_entry_touches()
    {
        var stack = IsolatedStack.Create();
        var functions = DeployedFunctionsBuilder.Build(stack, _publish.Path);
        var template = SynthesizedTemplate.Of(stack);
        var tableIds = template.Resources("AWS::DynamoDB::Table").Keys.ToHashSet();

        foreach (var definition in FunctionCatalog.All)
        {
            var variables = template.Resources("AWS::Lambda::Function")[template.LogicalIdOf(functions.For(definition).Function)]
                ["Properties"]!["Environment"]!["Variables"]!.AsObject();
            var tableVariables = variables.Where(v => JsonReferences.TargetOf(v.Value) is { } id && tableIds.Contains(id)).Select(v => v.Key).ToHashSet();
            var expected = definition.Reads.Concat(definition.Writes).Select(t => t.EnvironmentVariable).ToHashSet();
            Assert.Equal(expected, tableVariables);
            Assert.Equal(definition.Name, (string?)variables["FUNCTION_LOGICAL_NAME"]);
        }
    }

    [Fact]
    public void Table_variables_are_the_logical_names_in_upper_snake_case()
    {
        Assert.Equal("COMMIT_LOG_TABLE", Tables.CommitLog.EnvironmentVariable);
        Assert.Equal("GUEST_BOOKINGS_VIEW_TABLE", Tables.GuestBookings.EnvironmentVariable);
        Assert.Equal("COMMAND_STATUS_VIEW_TABLE", Tables.CommandStatus.EnvironmentVariable);
    }

    [Fact]
    public void Log_groups_are_per_function_with_retention()
    {
        var stack = IsolatedStack.Create();
        DeployedFunctionsBuilder.Build(stack, _publish.Path);
        var template = SynthesizedTemplate.Of(stack);

        var logGroups = template.Resources("AWS::Logs::LogGroup");
        Assert.Equal(FunctionCatalog.All.Count, logGroups.Count);
        Assert.All(logGroups.Values, g => Assert.Equal(7, (int)g["Properties"]!["RetentionInDays"]!));
    }

    [Fact]
    public void A_missing_publish_folder_fails_with_the_script_to_run()
    {
        var stack = IsolatedStack.Create();
        var missing = Path.Combine(_publish.Path, "not-published");

        var error = Assert.Throws<DeploymentSettingsException>(() => DeployedFunctionsBuilder.Build(stack, missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("infra/scripts/publish-functions.sh", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_publish_folder_without_the_handler_assembly_fails_naming_the_assembly()
    {
        var stack = IsolatedStack.Create();
        var empty = Directory.CreateDirectory(Path.Combine(_publish.Path, "empty")).FullName;

        var error = Assert.Throws<DeploymentSettingsException>(() => DeployedFunctionsBuilder.Build(stack, empty));

        Assert.Contains("StepFunctionsCqrs.Functions.dll", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_catalog_entry_using_a_table_that_was_not_supplied_is_rejected()
    {
        var stack = IsolatedStack.Create();
        var props = new FunctionsProps(
            [FunctionCatalog.Persist], new Dictionary<string, ITable>(), _publish.Path, "dotnet10", RetentionDays.ONE_WEEK, RemovalPolicy.DESTROY);

        var error = Assert.Throws<ArgumentException>(() => new FunctionsConstruct(stack, "Functions", props));

        Assert.Contains("Function 'Persist' uses table 'CommitLog'", error.Message, StringComparison.Ordinal);
    }
}
