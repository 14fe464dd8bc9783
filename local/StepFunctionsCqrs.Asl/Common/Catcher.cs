namespace StepFunctionsCqrs.Asl.Common;

/// <summary>One entry of a Catch array: where to go, and where to put the error output, when it matches.</summary>
public sealed record Catcher(ErrorMatcher Errors, string Next, ResultPathField ResultPath, AssignField? Assign);
