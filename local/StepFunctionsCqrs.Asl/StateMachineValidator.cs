using System.Text.Json.Nodes;
using StepFunctionsCqrs.Asl.Validation;

namespace StepFunctionsCqrs.Asl;

/// <summary>Checks a definition without building it, reporting every problem with its location.</summary>
public static class StateMachineValidator
{
    /// <summary>Validates definition JSON text; an empty list means the definition is valid.</summary>
    public static IReadOnlyList<AslDiagnostic> Validate(string definitionJson) => DefinitionValidator.Validate(definitionJson);

    /// <summary>Validates an already-parsed definition.</summary>
    public static IReadOnlyList<AslDiagnostic> Validate(JsonNode? definition) => DefinitionValidator.Validate(definition);
}
