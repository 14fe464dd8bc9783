namespace StepFunctionsCqrs.EndToEnd.Tests.Model;

/// <summary>What is wrong with a message that cannot become a command.</summary>
public enum MalformedKind
{
    /// <summary>The body does not parse as JSON.</summary>
    NotJson,

    /// <summary>A well-formed envelope without its commandId.</summary>
    NoCommandId,

    /// <summary>A commandId that ends in a newline, which no execution name may hold.</summary>
    CommandIdWithTrailingNewline,

    /// <summary>A commandId longer than the 80 characters an execution name may have.</summary>
    CommandIdTooLong,
}
