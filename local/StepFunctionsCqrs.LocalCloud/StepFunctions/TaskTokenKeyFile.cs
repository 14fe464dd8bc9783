using StepFunctionsCqrs.Asl.Callbacks;

namespace StepFunctionsCqrs.LocalCloud.StepFunctions;

/// <summary>
/// The key task tokens are sealed with, kept in the state folder so that after a restart a token issued before it is
/// still known as genuine: it then answers TaskTimedOut (its attempt was lost with the process) rather than InvalidToken.
/// Readable by its owner only, like the credentials file: whoever holds the key could make tokens.
/// </summary>
public static class TaskTokenKeyFile
{
    /// <summary>The file's name inside the state folder.</summary>
    public const string FileName = "task-token.key";

    /// <summary>Reads the key from <paramref name="stateFolder"/>, writing a new random one first when there is none or it is damaged.</summary>
    public static byte[] LoadOrCreate(string stateFolder)
    {
        var path = Path.Combine(stateFolder, FileName);
        if (File.Exists(path))
        {
            var existing = File.ReadAllBytes(path);
            if (existing.Length == TaskTokenBroker.KeyBytes)
            {
                return existing;
            }

            // A torn write leaves a short file; a new key only costs the old tokens their TaskTimedOut answer.
            File.Delete(path);
        }

        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(TaskTokenBroker.KeyBytes);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var file = new FileStream(path, options))
        {
            file.Write(key);
            file.Flush(flushToDisk: true);
        }

        return key;
    }
}
