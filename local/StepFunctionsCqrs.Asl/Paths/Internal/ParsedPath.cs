namespace StepFunctionsCqrs.Asl.Paths.Internal;

/// <summary>The compiled form of a path: where it starts and its steps.</summary>
internal sealed record ParsedPath(PathRoot Root, string? VariableName, PathSegment[] Segments);
