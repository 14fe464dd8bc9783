using System.Globalization;
using System.Text;

namespace StepFunctionsCqrs.LocalCloud.StepFunctions.Internal;

/// <summary>An opaque paging token: where the next page starts (an offset, or a position for executions), bound to what is being paged so a token cannot be reused elsewhere.</summary>
internal static class PageToken
{
    public static string Create(string scope, long offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{offset.ToString(CultureInfo.InvariantCulture)}|{scope}"));

    /// <summary>The offset a listing token holds; 0 for the first page.</summary>
    public static int ReadOffset(string? token, string scope) =>
        Read(token, scope) is var offset and <= int.MaxValue ? (int)offset : throw Invalid(token);

    public static long Read(string? token, string scope)
    {
        if (token is null)
        {
            return 0;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            if (bar > 0 && text[(bar + 1)..] == scope
                && long.TryParse(text[..bar], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
            {
                return offset;
            }
        }
        catch (FormatException)
        {
            // Falls through to the error below: a token that is not base64 is as invalid as one for another listing.
        }

        throw Invalid(token);
    }

    private static StepFunctionsFault Invalid(string? token) =>
        new(StepFunctionsErrorCodes.InvalidToken, $"Invalid Token: '{token}' is not a nextToken of this listing.");
}
