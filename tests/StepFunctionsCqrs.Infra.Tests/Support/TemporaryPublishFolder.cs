using StepFunctionsCqrs.Functions.Catalog;

namespace StepFunctionsCqrs.Infra.Tests.Support;

/// <summary>
/// A publish folder in the temp directory holding the real handler assembly (copied from the test output), so the Lambda
/// code asset is genuine and nothing is created inside the repository.
/// </summary>
internal sealed class TemporaryPublishFolder : IDisposable
{
    public TemporaryPublishFolder()
    {
        Path = Directory.CreateTempSubdirectory("sfcqrs-functions-").FullName;
        var assembly = FunctionCatalog.Dispatch.HandlerType.Assembly.Location;
        File.Copy(assembly, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(assembly)));
    }

    /// <summary>Full path of the folder.</summary>
    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
