using Microsoft.AspNetCore.Http;
using StepFunctionsCqrs.Functions.StepFunctions.Model;

namespace StepFunctionsCqrs.LocalCloud.WebConsole;

/// <summary>The console's query and path parameters, each with its stated limit; anything else is a 400 naming the parameter.</summary>
public static class ConsoleQuery
{
    /// <summary>Longest name prefix the executions list searches for: an execution name's own limit.</summary>
    public const int MaxPrefixLength = 80;

    /// <summary>Longest paging token accepted back.</summary>
    public const int MaxTokenLength = 4096;

    /// <summary>Most executions on one page of the list.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Executions on one page of the list when the page size is not given.</summary>
    public const int DefaultPageSize = 50;

    private static readonly string[] Statuses =
        [ExecutionStatus.Running, ExecutionStatus.Succeeded, ExecutionStatus.Failed, ExecutionStatus.TimedOut, ExecutionStatus.Aborted, ExecutionStatus.PendingRedrive];

    /// <summary>Refuses parameters the page does not take, so a typo is not silently ignored.</summary>
    public static void OnlyKnown(IQueryCollection query, params string[] known)
    {
        foreach (var key in query.Keys)
        {
            if (!known.Contains(key, StringComparer.Ordinal))
            {
                throw ConsoleProblem.InvalidParameter(key, known.Length == 0
                    ? "this page takes no query parameters."
                    : $"this page takes only {string.Join(", ", known.Select(k => $"'{k}'"))}.");
            }
        }
    }

    /// <summary>The single value of a parameter, or null when it is absent or empty.</summary>
    public static string? Single(IQueryCollection query, string name, int maxLength)
    {
        if (!query.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            throw ConsoleProblem.InvalidParameter(name, "it is given more than once.");
        }

        var value = values[0] ?? "";
        if (value.Length > maxLength)
        {
            throw ConsoleProblem.InvalidParameter(name, $"it is {value.Length} characters long; the limit is {maxLength}.");
        }

        return value.Length == 0 ? null : value;
    }

    /// <summary>An execution status filter, upper-cased, or null for all.</summary>
    public static string? Status(IQueryCollection query)
    {
        var value = Single(query, "status", 32);
        if (value is null)
        {
            return null;
        }

        var status = value.ToUpperInvariant();
        return Statuses.Contains(status, StringComparer.Ordinal)
            ? status
            : throw ConsoleProblem.InvalidParameter("status", $"'{value}' is not an execution status; use one of {string.Join(", ", Statuses)}.");
    }

    /// <summary>A page size from 1 to <see cref="MaxPageSize"/>.</summary>
    public static int PageSize(IQueryCollection query)
    {
        var value = Single(query, "pageSize", 8);
        if (value is null)
        {
            return DefaultPageSize;
        }

        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxPageSize
            ? size
            : throw ConsoleProblem.InvalidParameter("pageSize", $"'{value}' is not a whole number from 1 to {MaxPageSize}.");
    }

    /// <summary>A command id as the envelope allows it.</summary>
    public static string CommandId(string value) =>
        Functions.Commands.Identifiers.IsCommandId(value)
            ? value
            : throw ConsoleProblem.InvalidParameter("commandId",
                $"a command id is 1 to {Functions.Commands.Identifiers.MaxCommandIdLength} of {Functions.Commands.Identifiers.AllowedCharacters}.");

    /// <summary>A state machine or execution name as Step Functions allows it.</summary>
    public static string Name(string? value, string parameter)
    {
        try
        {
            StepFunctions.ResourceNames.Check(value, parameter);
            return value!;
        }
        catch (StepFunctions.StepFunctionsFault e)
        {
            throw ConsoleProblem.InvalidParameter(parameter, e.Message);
        }
    }
}
