using StepFunctionsCqrs.Asl.Tests.Support;

namespace StepFunctionsCqrs.Asl.Tests.Common;

public class VariablesTests
{
    [Fact]
    public async Task Assign_stores_variables_that_later_states_read_with_a_dollar_name_path()
    {
        var result = await Machines.Run("""
            { "StartAt": "A", "States": {
                "A": { "Type": "Pass", "Assign": { "user.$": "$.name", "limit": 3 }, "OutputPath": null, "Next": "B" },
                "B": { "Type": "Pass", "Parameters": { "who.$": "$user", "max.$": "$limit" }, "End": true } } }
            """, """{ "name": "Ada" }""");
        Machines.Equal("""{ "who": "Ada", "max": 3 }""", result.Output);
    }

    [Fact]
    public async Task All_assignments_of_a_state_see_the_variable_values_from_before_the_state()
    {
        var result = await Machines.Run("""
            { "StartAt": "A", "States": {
                "A": { "Type": "Pass", "Assign": { "x": 1, "y": 10 }, "Next": "B" },
                "B": { "Type": "Pass", "Assign": { "x.$": "$y", "y.$": "$x" }, "Next": "C" },
                "C": { "Type": "Pass", "Parameters": { "x.$": "$x", "y.$": "$y" }, "End": true } } }
            """);
        Machines.Equal("""{ "x": 10, "y": 1 }""", result.Output);
    }

    [Fact]
    public async Task In_a_Task_Assign_reads_the_task_result_with_dollar()
    {
        var tasks = new ScriptedTasks().On("arn:aws:states:::x", _ => Machines.Json("""{ "id": 9 }"""));
        var result = await Machines.Run("""
            { "StartAt": "T", "States": {
                "T": { "Type": "Task", "Resource": "arn:aws:states:::x", "Assign": { "id.$": "$.id" }, "ResultPath": null, "Next": "P" },
                "P": { "Type": "Pass", "Parameters": { "id.$": "$id" }, "End": true } } }
            """, "{}", tasks);
        Machines.Equal("""{ "id": 9 }""", result.Output);
    }

    [Fact]
    public async Task Parallel_branches_and_Map_iterations_can_read_variables_of_the_enclosing_scope()
    {
        var result = await Machines.Run("""
            { "StartAt": "A", "States": {
                "A": { "Type": "Pass", "Assign": { "prefix": "p-" }, "Next": "Par" },
                "Par": { "Type": "Parallel", "Branches": [ { "StartAt": "B", "States": { "B": { "Type": "Pass", "Parameters": { "v.$": "$prefix", "items.$": "$.items" }, "End": true } } } ], "Next": "Map" },
                "Map": { "Type": "Map", "ItemsPath": "$[0].items", "ItemProcessor": { "StartAt": "M", "States": { "M": { "Type": "Pass", "Parameters": { "v.$": "States.Format('{}{}', $prefix, $)" }, "End": true } } }, "End": true } } }
            """, """{ "items": [1, 2] }""");
        Assert.True(result.Status == ExecutionStatus.Succeeded, result.Error + ": " + result.Cause);
        Machines.Equal("""[ { "v": "p-1" }, { "v": "p-2" } ]""", result.Output);
    }

    [Fact]
    public async Task Variables_assigned_inside_a_branch_do_not_leak_out_of_it()
    {
        var result = await Machines.Run("""
            { "StartAt": "Par", "States": {
                "Par": { "Type": "Parallel", "Branches": [ { "StartAt": "B", "States": { "B": { "Type": "Pass", "Assign": { "inner": 1 }, "End": true } } } ], "Next": "After" },
                "After": { "Type": "Pass", "Parameters": { "v.$": "$inner" }, "End": true } } }
            """);
        Assert.Equal(ExecutionStatus.Failed, result.Status);
    }
}
