using Microsoft.Data.Sqlite;
using StepFunctionsCqrs.LocalCloud.StepFunctions;

namespace StepFunctionsCqrs.LocalCloud.Tests.StepFunctions;

/// <summary>A state folder written before the redrive and test case columns existed opens, keeps its executions, and gains them.</summary>
public sealed class StepFunctionsStoreMigrationTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("sfn-store-").FullName;

    [Fact]
    public async Task An_older_database_gains_the_new_columns_and_keeps_its_executions()
    {
        var path = Path.Combine(folder, "stepfunctions.db");
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var create = connection.CreateCommand();
            create.CommandText = """
                CREATE TABLE executions (
                    arn TEXT PRIMARY KEY, state_machine_arn TEXT NOT NULL, name TEXT NOT NULL, input TEXT NOT NULL,
                    status TEXT NOT NULL, started INTEGER NOT NULL, stopped INTEGER NULL, output TEXT NULL,
                    error TEXT NULL, cause TEXT NULL, history TEXT NULL, seq INTEGER NOT NULL);
                INSERT INTO executions VALUES ('arn:old', 'arn:machine', 'old', '{}', 'FAILED', 1, 2, NULL, 'E', 'C', '[]', 1);
                """;
            await create.ExecuteNonQueryAsync();
        }

        await using var store = await StepFunctionsStore.OpenAsync(path, CancellationToken.None);

        var old = (await store.GetExecutionAsync("arn:old", CancellationToken.None))!;
        Assert.Equal("FAILED", old.Status);
        Assert.Equal(0, old.RedriveCount);
        Assert.Null(old.RedrivePoint);
        Assert.Null(old.TestCase);
    }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(folder, recursive: true);
}
