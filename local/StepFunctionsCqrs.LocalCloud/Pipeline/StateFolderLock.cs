namespace StepFunctionsCqrs.LocalCloud.Pipeline;

/// <summary>
/// An exclusive lock on a state folder, held for the host's lifetime: two hosts on one folder would share the SQLite
/// files and dynalite's LevelDB and run each other's executions twice. The operating system drops the lock when the
/// process dies, so a crashed host never leaves the folder locked.
/// </summary>
public sealed class StateFolderLock : IAsyncDisposable
{
    /// <summary>The lock file's name inside the state folder.</summary>
    public const string FileName = "host.lock";

    private readonly FileStream file;

    private StateFolderLock(FileStream file) => this.file = file;

    /// <summary>Takes the lock, creating the folder if needed; throws <see cref="StateFolderInUseException"/> when another host holds it.</summary>
    public static StateFolderLock Acquire(string stateFolder)
    {
        Directory.CreateDirectory(stateFolder);
        var path = Path.Combine(stateFolder, FileName);
        try
        {
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            file.SetLength(0);
            var writer = new StreamWriter(file) { AutoFlush = true };
            writer.Write(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return new StateFolderLock(file);
        }
        catch (IOException e)
        {
            throw new StateFolderInUseException(
                $"The state folder {stateFolder} is in use by another local cloud (it holds {path}). Stop that host, or pass --state <another folder>.", e);
        }
    }

    /// <summary>Empties the folder except for the lock itself, for --reset.</summary>
    public static void ClearExceptLock(string stateFolder)
    {
        foreach (var entry in new DirectoryInfo(stateFolder).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo directory)
            {
                directory.Delete(recursive: true);
            }
            else if (entry.Name != FileName)
            {
                entry.Delete();
            }
        }
    }

    /// <summary>Releases the lock.</summary>
    public ValueTask DisposeAsync() => file.DisposeAsync();
}
