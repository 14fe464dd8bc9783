using System.Text.Json;
using System.Text.RegularExpressions;
using StepFunctionsCqrs.Functions.Catalog;
using StepFunctionsCqrs.Testing;

namespace StepFunctionsCqrs.Functions.Tests.Catalog;

public sealed partial class StateMachineDefinitionTests
{
    private static string Definition() => File.ReadAllText(RepositoryRoot.Combine("statemachines", "command-pipeline.asl.json"));

    [GeneratedRegex(@"\$\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void The_definition_is_json_and_its_placeholders_are_exactly_the_catalogs_substitutions()
    {
        var text = Definition();
        using var document = JsonDocument.Parse(text);

        var placeholders = Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();
        var substitutions = FunctionCatalog.All.Select(f => f.AslSubstitution).OfType<string>().ToHashSet();

        Assert.Equal(substitutions.Order(), placeholders.Order());
    }

    [Fact]
    public void Every_task_resource_is_a_substitution()
    {
        using var document = JsonDocument.Parse(Definition());
        var resources = new List<string>();
        Collect(document.RootElement, resources);

        Assert.NotEmpty(resources);
        Assert.All(resources, r => Assert.Matches(@"^\$\{[A-Za-z0-9_]+\}$", r));
    }

    [Fact]
    public void Every_function_the_workflow_calls_stops_before_its_task_times_out()
    {
        using var document = JsonDocument.Parse(Definition());
        var tasks = new List<JsonElement>();
        CollectTasks(document.RootElement, tasks);

        Assert.NotEmpty(tasks);
        Assert.All(tasks, task =>
        {
            var placeholder = Placeholder().Match(task.GetProperty("Resource").GetString()!).Groups[1].Value;
            var function = FunctionCatalog.All.Single(f => f.AslSubstitution == placeholder);
            // A task that times out is retried; the attempt it gave up on must be over by then, or two attempts of one
            // command could run at once and one could append after the workflow recorded the other's outcome.
            Assert.True(task.TryGetProperty("TimeoutSeconds", out var timeout), $"A task calling {function.Name} has no TimeoutSeconds.");
            Assert.True(function.TimeoutSeconds < timeout.GetInt32(),
                $"{function.Name} may run {function.TimeoutSeconds} s, but its task times out after {timeout.GetInt32()} s.");
        });
    }

    private static void CollectTasks(JsonElement element, List<JsonElement> tasks)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("Type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "Task")
            {
                tasks.Add(element);
            }

            foreach (var property in element.EnumerateObject())
            {
                CollectTasks(property.Value, tasks);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                CollectTasks(item, tasks);
            }
        }
    }

    [Fact]
    public void Every_retried_error_name_a_handler_throws_is_an_exception_type_of_that_name()
    {
        var text = Definition();

        Assert.Contains("\"ConcurrencyConflict\"", text);
        Assert.Contains("\"TransientStoreError\"", text);
        Assert.Equal("ConcurrencyConflict", typeof(Errors.ConcurrencyConflict).Name);
        Assert.Equal("TransientStoreError", typeof(Errors.TransientStoreError).Name);
    }

    [Fact]
    public void Every_catalog_handler_has_a_public_parameterless_constructor_and_a_stream_handle_method()
    {
        Assert.All(FunctionCatalog.All, f =>
        {
            Assert.NotNull(f.HandlerType.GetConstructor(Type.EmptyTypes));
            var handle = f.HandlerType.GetMethod("Handle", [typeof(Stream)]);
            Assert.NotNull(handle);
            Assert.Equal(typeof(Task<Stream>), handle.ReturnType);
            Assert.Single(f.HandlerType.GetMethods(), m => m.Name == "Handle");
        });
    }

    private static void Collect(JsonElement element, List<string> resources)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                if (element.TryGetProperty("Type", out var type) && type.GetString() == "Task")
                {
                    resources.Add(element.GetProperty("Resource").GetString()!);
                }

                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, resources);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, resources);
                }

                break;
        }
    }
}
