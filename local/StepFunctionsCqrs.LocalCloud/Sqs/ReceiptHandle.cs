using System.Buffers.Text;
using System.Text;

namespace StepFunctionsCqrs.LocalCloud.Sqs;

/// <summary>A receipt handle: the message id and a token unique to one receive, base64url-encoded so it is opaque.</summary>
internal static class ReceiptHandle
{
    /// <summary>A new handle for one receive of the message.</summary>
    public static string New(string messageId) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{messageId}:{Guid.NewGuid():N}"));

    /// <summary>The message id inside a handle this service issued; ReceiptHandleIsInvalid otherwise.</summary>
    public static string MessageId(string? handle)
    {
        if (string.IsNullOrWhiteSpace(handle))
        {
            throw SqsError.Missing("ReceiptHandle");
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(handle));
            var parts = text.Split(':');
            if (parts.Length == 2 && Guid.TryParse(parts[0], out _) && Guid.TryParseExact(parts[1], "N", out _))
            {
                return parts[0];
            }
        }
        catch (FormatException)
        {
            // Falls through to the error below: not base64url at all.
        }

        throw new SqsError(SqsErrorCodes.ReceiptHandleIsInvalid, $"The input receipt handle \"{handle}\" is not a valid receipt handle.");
    }
}
