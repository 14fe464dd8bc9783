namespace StepFunctionsCqrs.LocalCloud.StepFunctions.Mocking;

/// <summary>A test case of one state machine: which of its states answer from which mocked response; the others run for real.</summary>
public sealed record MockedTestCase(string StateMachineName, string Name, IReadOnlyDictionary<string, MockedResponse> States);
