using Microsoft.Data.Sqlite;

namespace StepFunctionsCqrs.LocalCloud.StepFunctions;

/// <summary>
/// State machines and executions in SQLite, so a restart keeps both: finished executions keep their history,
/// unfinished ones are found again and re-run. One connection, one writer at a time; WAL keeps commits cheap.
/// synchronous=NORMAL, as for the queues: a committed transaction is in the OS once written, so it survives the
/// process being killed; only a power loss could roll back the last commits, and an fsync per commit would cost
/// every execution two disk flushes.
/// </summary>
public sealed class StepFunctionsStore : IAsyncDisposable
{
    private readonly SqliteConnection connection;
    private readonly SemaphoreSlim gate = new(1, 1);

    private StepFunctionsStore(SqliteConnection connection) => this.connection = connection;

    /// <summary>Opens (creating when missing) the database at <paramref name="path"/>.</summary>
    public static async Task<StepFunctionsStore> OpenAsync(string path, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE IF NOT EXISTS state_machines (
                arn TEXT PRIMARY KEY, name TEXT NOT NULL, definition TEXT NOT NULL, role_arn TEXT NOT NULL,
                type TEXT NOT NULL, created INTEGER NOT NULL, updated INTEGER NULL);
            CREATE TABLE IF NOT EXISTS executions (
                arn TEXT PRIMARY KEY, state_machine_arn TEXT NOT NULL, name TEXT NOT NULL, input TEXT NOT NULL,
                status TEXT NOT NULL, started INTEGER NOT NULL, stopped INTEGER NULL, output TEXT NULL,
                error TEXT NULL, cause TEXT NULL, history TEXT NULL, seq INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS executions_by_machine ON executions (state_machine_arn, seq);
            CREATE INDEX IF NOT EXISTS executions_by_status ON executions (status);
            CREATE INDEX IF NOT EXISTS executions_by_machine_status ON executions (state_machine_arn, status, seq);
            CREATE TABLE IF NOT EXISTS tags (arn TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (arn, key));
            """;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await AddMissingColumnsAsync(connection, cancellationToken).ConfigureAwait(false);
        return new StepFunctionsStore(connection);
    }

    // Columns added after the first release: a state folder written before them gains them, empty, on open.
    private static readonly (string Name, string Definition)[] LaterColumns =
    [
        ("test_case", "TEXT NULL"), ("redrive_count", "INTEGER NOT NULL DEFAULT 0"), ("redrive_date", "INTEGER NULL"),
        ("redrive_point", "TEXT NULL"), ("redrive_token", "TEXT NULL"),
    ];

    private static async Task AddMissingColumnsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        await using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT name FROM pragma_table_info('executions')";
            await using var reader = await read.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                present.Add(reader.GetString(0));
            }
        }

        foreach (var (name, definition) in LaterColumns.Where(c => !present.Contains(c.Name)))
        {
            await using var alter = connection.CreateCommand();
            alter.CommandText = $"ALTER TABLE executions ADD COLUMN {name} {definition}";
            await alter.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Inserts the state machine; returns the stored one when the ARN is taken (the new one is not stored).</summary>
    public Task<StateMachineRecord?> InsertStateMachineAsync(StateMachineRecord machine, CancellationToken cancellationToken) =>
        LockedAsync(async () =>
        {
            if (await ReadStateMachineAsync(machine.Arn, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                return existing;
            }

            await ExecuteAsync(
                "INSERT INTO state_machines (arn, name, definition, role_arn, type, created, updated) VALUES ($arn, $name, $definition, $role, $type, $created, NULL)",
                cancellationToken,
                ("$arn", machine.Arn), ("$name", machine.Name), ("$definition", machine.Definition), ("$role", machine.RoleArn),
                ("$type", machine.Type), ("$created", machine.CreationDate.ToUnixTimeMilliseconds())).ConfigureAwait(false);
            return (StateMachineRecord?)null;
        }, cancellationToken);

    /// <summary>The state machine, or null.</summary>
    public Task<StateMachineRecord?> GetStateMachineAsync(string arn, CancellationToken cancellationToken) =>
        LockedAsync(() => ReadStateMachineAsync(arn, cancellationToken), cancellationToken);

    /// <summary>Every state machine, ordered by name.</summary>
    public Task<IReadOnlyList<StateMachineRecord>> ListStateMachinesAsync(CancellationToken cancellationToken) =>
        LockedAsync(async () =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT arn, name, definition, role_arn, type, created, updated FROM state_machines ORDER BY name";
            return await ReadAllAsync(command, ReadStateMachine, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Replaces the definition and role of a state machine.</summary>
    public Task UpdateStateMachineAsync(StateMachineRecord machine, CancellationToken cancellationToken) =>
        LockedAsync(() => ExecuteAsync(
            "UPDATE state_machines SET definition = $definition, role_arn = $role, updated = $updated WHERE arn = $arn",
            cancellationToken,
            ("$arn", machine.Arn), ("$definition", machine.Definition), ("$role", machine.RoleArn),
            ("$updated", machine.UpdateDate?.ToUnixTimeMilliseconds())), cancellationToken);

    /// <summary>Deletes a state machine; its executions stay readable by ARN.</summary>
    public Task DeleteStateMachineAsync(string arn, CancellationToken cancellationToken) =>
        LockedAsync(() => ExecuteAsync("DELETE FROM state_machines WHERE arn = $arn; DELETE FROM tags WHERE arn = $arn", cancellationToken, ("$arn", arn)), cancellationToken);

    /// <summary>A resource's tags, by key.</summary>
    public Task<IReadOnlyList<KeyValuePair<string, string>>> ListTagsAsync(string arn, CancellationToken cancellationToken) =>
        LockedAsync(async () =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT key, value FROM tags WHERE arn = $arn ORDER BY key";
            command.Parameters.AddWithValue("$arn", arn);
            return await ReadAllAsync(command, r => new KeyValuePair<string, string>(r.GetString(0), r.GetString(1)), cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>
    /// Adds or replaces <paramref name="tags"/> and removes <paramref name="removed"/>, unless the resource would then
    /// hold more than <paramref name="limit"/>; returns how many it would hold. One writer at a time holds the store, so
    /// the count cannot change between the check and the writes.
    /// </summary>
    public Task<int> ChangeTagsAsync(string arn, IReadOnlyList<KeyValuePair<string, string>> tags, IReadOnlyList<string> removed, int limit, CancellationToken cancellationToken) =>
        LockedAsync(async () =>
        {
            await using var read = connection.CreateCommand();
            read.CommandText = "SELECT key FROM tags WHERE arn = $arn";
            read.Parameters.AddWithValue("$arn", arn);
            var keys = (await ReadAllAsync(read, r => r.GetString(0), cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
            keys.UnionWith(tags.Select(t => t.Key));
            keys.ExceptWith(removed);
            if (keys.Count > limit)
            {
                return keys.Count;
            }

            foreach (var (key, value) in tags)
            {
                await ExecuteAsync("INSERT INTO tags (arn, key, value) VALUES ($arn, $key, $value) ON CONFLICT (arn, key) DO UPDATE SET value = excluded.value",
                    cancellationToken, ("$arn", arn), ("$key", key), ("$value", value)).ConfigureAwait(false);
            }

            foreach (var key in removed)
            {
                await ExecuteAsync("DELETE FROM tags WHERE arn = $arn AND key = $key", cancellationToken, ("$arn", arn), ("$key", key)).ConfigureAwait(false);
            }

            return keys.Count;
        }, cancellationToken);

    /// <summary>Inserts the execution; returns the stored one when its ARN is taken (the new one is not stored).</summary>
    public Task<ExecutionRecord?> InsertExecutionAsync(ExecutionRecord execution, CancellationToken cancellationToken) =>
        LockedAsync(async () =>
        {
            if (await ReadExecutionAsync(execution.Arn, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                return existing;
            }

            await ExecuteAsync(
                """
                INSERT INTO executions (arn, state_machine_arn, name, input, status, started, test_case, seq)
                VALUES ($arn, $machine, $name, $input, $status, $started, $case, (SELECT COALESCE(MAX(seq), 0) + 1 FROM executions))
                """,
                cancellationToken,
                ("$arn", execution.Arn), ("$machine", execution.StateMachineArn), ("$name", execution.Name),
                ("$input", execution.Input), ("$status", execution.Status), ("$started", execution.StartDate.ToUnixTimeMilliseconds()),
                ("$case", execution.TestCase)).ConfigureAwait(false);
            return (ExecutionRecord?)null;
        }, cancellationToken);

    /// <summary>The execution, or null.</summary>
    public Task<ExecutionRecord?> GetExecutionAsync(string arn, CancellationToken cancellationToken) =>
        LockedAsync(() => ReadExecutionAsync(arn, cancellationToken), cancellationToken);

    /// <summary>
    /// One page of a state machine's executions, newest first, optionally only those with <paramref name="status"/>:
    /// up to <paramref name="limit"/> started before the one at <paramref name="beforeSeq"/> (from the newest when null).
    /// Paging by position rather than offset keeps each page one index range however many executions exist, and a
    /// page does not shift when new executions start while a client pages.
    /// </summary>
    public Task<ExecutionPage> ListExecutionsAsync(string stateMachineArn, string? status, long? beforeSeq, int limit, CancellationToken cancellationToken,
        bool? redriven = null) =>
        LockedAsync(async () =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT arn, state_machine_arn, name, status, started, stopped, seq, redrive_count, redrive_date FROM executions
                WHERE state_machine_arn = $machine AND ($status IS NULL OR status = $status) AND ($before IS NULL OR seq < $before)
                  AND ($redriven IS NULL OR (redrive_count > 0) = $redriven)
                ORDER BY seq DESC LIMIT $limit
                """;
            command.Parameters.AddWithValue("$machine", stateMachineArn);
            command.Parameters.AddWithValue("$status", (object?)status ?? DBNull.Value);
            command.Parameters.AddWithValue("$before", (object?)beforeSeq ?? DBNull.Value);
            command.Parameters.AddWithValue("$limit", limit + 1);
            command.Parameters.AddWithValue("$redriven", redriven is { } r ? r : DBNull.Value);
            var rows = await ReadAllAsync(command, ReadExecutionSummary, cancellationToken).ConfigureAwait(false);
            return rows.Count > limit ? new ExecutionPage([.. rows.Take(limit)], rows[limit - 1].Seq) : new ExecutionPage(rows, null);
        }, cancellationToken);

    /// <summary>Every execution still marked running: after a restart, these are re-run.</summary>
    public Task<IReadOnlyList<ExecutionRecord>> ListRunningAsync(CancellationToken cancellationToken) =>
        LockedAsync(async () =>
        {
            await using var command = connection.CreateCommand();
            // A redriven execution goes on after the events of its earlier runs, so it needs them; a first run does not.
            command.CommandText = $"SELECT {RunningColumns} FROM executions WHERE status = 'RUNNING' ORDER BY seq";
            return await ReadAllAsync(command, ReadExecution, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);

    /// <summary>Records how an execution ended, with its history.</summary>
    public Task CompleteExecutionAsync(ExecutionRecord execution, CancellationToken cancellationToken) =>
        LockedAsync(() => ExecuteAsync(
            """
            UPDATE executions SET status = $status, stopped = $stopped, output = $output, error = $error, cause = $cause, history = $history,
                redrive_point = $point
            WHERE arn = $arn
            """,
            cancellationToken,
            ("$arn", execution.Arn), ("$status", execution.Status), ("$stopped", execution.StopDate?.ToUnixTimeMilliseconds()),
            ("$output", execution.Output), ("$error", execution.Error), ("$cause", execution.Cause), ("$history", execution.HistoryJson),
            ("$point", execution.RedrivePoint)), cancellationToken);

    /// <summary>
    /// Marks an ended execution RUNNING again as redrive number <see cref="ExecutionRecord.RedriveCount"/>, keeping its
    /// history and redrive point, unless it changed since <paramref name="seen"/> was read (another redrive, say):
    /// returns whether this call made the change, so two redrives at once cannot both run it.
    /// </summary>
    public Task<bool> RedriveExecutionAsync(ExecutionRecord seen, ExecutionRecord redriven, CancellationToken cancellationToken) =>
        LockedAsync(async () =>
        {
            await using var command = connection.CreateCommand();
            command.CommandText = """
                UPDATE executions SET status = 'RUNNING', stopped = NULL, output = NULL, error = NULL, cause = NULL,
                    redrive_count = $count, redrive_date = $date, redrive_token = $token
                WHERE arn = $arn AND status = $status AND redrive_count = $seenCount
                """;
            command.Parameters.AddWithValue("$arn", seen.Arn);
            command.Parameters.AddWithValue("$status", seen.Status);
            command.Parameters.AddWithValue("$seenCount", seen.RedriveCount);
            command.Parameters.AddWithValue("$count", redriven.RedriveCount);
            command.Parameters.AddWithValue("$date", redriven.RedriveDate!.Value.ToUnixTimeMilliseconds());
            command.Parameters.AddWithValue("$token", (object?)redriven.RedriveToken ?? DBNull.Value);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }, cancellationToken);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
            gate.Dispose();
        }
    }

    private const string ExecutionColumns =
        "arn, state_machine_arn, name, input, status, started, stopped, output, error, cause, history, test_case, redrive_count, redrive_date, redrive_point, redrive_token";

    // Listing never needs the history, which is the bulk of a finished execution's row.
    private const string ExecutionSummaryColumns =
        "arn, state_machine_arn, name, input, status, started, stopped, output, error, cause, NULL, test_case, redrive_count, redrive_date, redrive_point, redrive_token";

    private const string RunningColumns =
        "arn, state_machine_arn, name, input, status, started, stopped, output, error, cause, CASE WHEN redrive_count > 0 THEN history END, test_case, redrive_count, redrive_date, redrive_point, redrive_token";

    private async Task<StateMachineRecord?> ReadStateMachineAsync(string arn, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT arn, name, definition, role_arn, type, created, updated FROM state_machines WHERE arn = $arn";
        command.Parameters.AddWithValue("$arn", arn);
        return (await ReadAllAsync(command, ReadStateMachine, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    private async Task<ExecutionRecord?> ReadExecutionAsync(string arn, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ExecutionColumns} FROM executions WHERE arn = $arn";
        command.Parameters.AddWithValue("$arn", arn);
        return (await ReadAllAsync(command, ReadExecution, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    private static StateMachineRecord ReadStateMachine(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
        r.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)));

    private static ExecutionSummary ReadExecutionSummary(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)),
        r.IsDBNull(5) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
        r.GetInt64(6),
        r.GetInt32(7),
        r.IsDBNull(8) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(8)));

    private static ExecutionRecord ReadExecution(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
        DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
        r.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(6)),
        r.IsDBNull(7) ? null : r.GetString(7),
        r.IsDBNull(8) ? null : r.GetString(8),
        r.IsDBNull(9) ? null : r.GetString(9),
        r.IsDBNull(10) ? null : r.GetString(10),
        r.IsDBNull(11) ? null : r.GetString(11),
        r.GetInt32(12),
        r.IsDBNull(13) ? null : DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(13)),
        r.IsDBNull(14) ? null : r.GetString(14),
        r.IsDBNull(15) ? null : r.GetString(15));

    private static async Task<IReadOnlyList<T>> ReadAllAsync<T>(SqliteCommand command, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> LockedAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await work().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task LockedAsync(Func<Task> work, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await work().ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }
}
