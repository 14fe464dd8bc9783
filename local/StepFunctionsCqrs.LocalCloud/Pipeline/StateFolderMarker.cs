namespace StepFunctionsCqrs.LocalCloud.Pipeline;

/// <summary>
/// A file that says a folder holds a local cloud's state, so that <c>--reset</c>, which empties the folder, cannot be
/// turned on a folder of something else by a mistyped <c>--state</c>.
/// </summary>
public static class StateFolderMarker
{
    /// <summary>The marker's name inside the state folder.</summary>
    public const string FileName = ".local-cloud-state";

    /// <summary>Marks the folder as a local cloud's state.</summary>
    public static void Mark(string stateFolder) =>
        File.WriteAllText(Path.Combine(stateFolder, FileName), "This folder holds a local cloud's state; --reset may empty it.\n");

    /// <summary>Throws unless the folder is marked or holds nothing but the host's lock.</summary>
    public static void RequireForReset(string stateFolder)
    {
        var marked = File.Exists(Path.Combine(stateFolder, FileName));
        var empty = new DirectoryInfo(stateFolder).EnumerateFileSystemInfos().All(entry => entry.Name == StateFolderLock.FileName);
        if (!marked && !empty)
        {
            throw new NotAStateFolderException(
                $"--reset empties the state folder, and {stateFolder} does not hold a local cloud's state (it has no {FileName}); nothing was deleted. Pass the folder a local cloud made, or a new one.");
        }
    }
}
