using System.Text;
using System.Text.Json;

namespace StepFunctionsCqrs.LocalCloud.WebConsole.Listing;

/// <summary>
/// Where the next page of the list starts: the Step Functions token of the page to read and the last execution
/// shown, bound to the filter it was made for so it cannot page another listing. The last execution, not a count, marks
/// the place: executions that start meanwhile push the newest page along, and ones that end leave a status filter.
/// </summary>
/// <param name="Filter">The state machine, status and prefix the token pages.</param>
/// <param name="StepFunctionsToken">The ListExecutions token of the page to read; null for the newest page.</param>
/// <param name="LastStart">When the last execution shown started; null when the page to read starts afresh.</param>
/// <param name="LastArn">The last execution shown.</param>
public sealed record ListingToken(string Filter, string? StepFunctionsToken, DateTimeOffset? LastStart, string? LastArn)
{
    /// <summary>The opaque text form.</summary>
    public string Encode() => Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(this));

    /// <summary>Reads a token; a 400 naming <c>nextToken</c> when it is not one of this filter's.</summary>
    public static ListingToken Decode(string text, string filter)
    {
        try
        {
            var token = JsonSerializer.Deserialize<ListingToken>(Encoding.UTF8.GetString(Convert.FromBase64String(text)));
            if (token is not null && token.Filter == filter && (token.LastStart is null) == (token.LastArn is null))
            {
                return token;
            }
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            // Falls through: a token that does not decode is as wrong as one made for another filter.
        }

        throw ConsoleProblem.InvalidParameter("nextToken", "it is not a token of this list with these filters; start again from the first page.");
    }
}
