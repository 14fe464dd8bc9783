using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace StepFunctionsCqrs.LocalCloud.Sqs;

/// <summary>
/// Queues and messages in one SQLite file. Every change is one transaction on a single connection behind a
/// gate, so a receive that picks and hides messages cannot interleave with another receive. The file runs in
/// WAL mode with synchronous=NORMAL: a committed transaction survives the process being killed (the WAL is
/// already in the OS), only a power loss could roll back the last commits.
/// </summary>
internal sealed class SqsStore : IAsyncDisposable
{
    private readonly SqliteConnection connection;
    private readonly SemaphoreSlim gate = new(1, 1);

    public SqsStore(string databasePath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(databasePath));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        connection.Open();
        Execute("""
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            PRAGMA busy_timeout = 5000;
            CREATE TABLE IF NOT EXISTS queues (
                name TEXT PRIMARY KEY,
                attributes TEXT NOT NULL,
                tags TEXT NOT NULL,
                created_ms INTEGER NOT NULL,
                modified_ms INTEGER NOT NULL,
                last_purge_ms INTEGER NULL);
            CREATE TABLE IF NOT EXISTS messages (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                queue TEXT NOT NULL,
                message_id TEXT NOT NULL UNIQUE,
                body TEXT NOT NULL,
                body_md5 TEXT NOT NULL,
                attributes TEXT NULL,
                system_attributes TEXT NULL,
                sender_id TEXT NOT NULL,
                sent_ms INTEGER NOT NULL,
                visible_ms INTEGER NOT NULL,
                receive_count INTEGER NOT NULL DEFAULT 0,
                first_receive_ms INTEGER NULL,
                receipt TEXT NULL,
                dead_letter_source_arn TEXT NULL);
            CREATE INDEX IF NOT EXISTS ix_messages_queue_visible ON messages (queue, visible_ms, seq);
            CREATE TABLE IF NOT EXISTS move_tasks (
                handle TEXT PRIMARY KEY,
                source_arn TEXT NOT NULL,
                destination_arn TEXT NULL,
                status TEXT NOT NULL,
                moved INTEGER NOT NULL,
                to_move INTEGER NOT NULL,
                failure TEXT NULL,
                started_ms INTEGER NOT NULL);
            """);
    }

    public Task<QueueRecord?> FindQueueAsync(string name, CancellationToken ct) => Locked(ct, () => FindQueue(name));

    public Task<IReadOnlyList<QueueRecord>> ListQueuesAsync(string prefix, string? after, int limit, CancellationToken ct) => Locked(ct, () =>
    {
        using var command = Command("""
            SELECT name, attributes, tags, created_ms, modified_ms, last_purge_ms FROM queues
            WHERE substr(name, 1, length($prefix)) = $prefix AND ($after IS NULL OR name > $after)
            ORDER BY name LIMIT $limit
            """, ("$prefix", prefix), ("$after", after), ("$limit", limit));
        using var reader = command.ExecuteReader();
        var queues = new List<QueueRecord>();
        while (reader.Read())
        {
            queues.Add(ReadQueue(reader));
        }

        return (IReadOnlyList<QueueRecord>)queues;
    });

    public Task<QueueRecord> CreateQueueAsync(
        string name, IReadOnlyDictionary<string, string> attributes, IReadOnlyDictionary<string, string> tags, long nowMs, CancellationToken ct) =>
        Locked(ct, () =>
        {
            using var command = Command("""
                INSERT INTO queues (name, attributes, tags, created_ms, modified_ms) VALUES ($name, $attributes, $tags, $now, $now)
                ON CONFLICT (name) DO NOTHING
                """, ("$name", name), ("$attributes", ToJson(attributes)), ("$tags", ToJson(tags)), ("$now", nowMs));
            command.ExecuteNonQuery();
            return FindQueue(name)!;
        });

    public Task SetQueueAttributesAsync(string name, IReadOnlyDictionary<string, string> attributes, long nowMs, CancellationToken ct) =>
        Locked(ct, () =>
        {
            using var command = Command(
                "UPDATE queues SET attributes = $attributes, modified_ms = $now WHERE name = $name",
                ("$name", name), ("$attributes", ToJson(attributes)), ("$now", nowMs));
            command.ExecuteNonQuery();
        });

    public Task DeleteQueueAsync(string name, CancellationToken ct) => Locked(ct, () =>
    {
        using var transaction = connection.BeginTransaction();
        using (var messages = Command("DELETE FROM messages WHERE queue = $name", ("$name", name)))
        {
            messages.ExecuteNonQuery();
        }

        using (var queue = Command("DELETE FROM queues WHERE name = $name", ("$name", name)))
        {
            queue.ExecuteNonQuery();
        }

        transaction.Commit();
    });

    /// <summary>Deletes every message unless the queue was purged within <paramref name="minimumIntervalMs"/>; false when refused.</summary>
    public Task<bool> PurgeAsync(string name, long nowMs, long minimumIntervalMs, CancellationToken ct) => Locked(ct, () =>
    {
        using var transaction = connection.BeginTransaction();
        using var mark = Command("""
            UPDATE queues SET last_purge_ms = $now
            WHERE name = $name AND (last_purge_ms IS NULL OR last_purge_ms + $interval <= $now)
            """, ("$name", name), ("$now", nowMs), ("$interval", minimumIntervalMs));
        if (mark.ExecuteNonQuery() == 0)
        {
            return false;
        }

        using var delete = Command("DELETE FROM messages WHERE queue = $name", ("$name", name));
        delete.ExecuteNonQuery();
        transaction.Commit();
        return true;
    });

    public Task InsertMessagesAsync(string queue, IReadOnlyList<StoredMessage> messages, CancellationToken ct) => Locked(ct, () =>
    {
        using var transaction = connection.BeginTransaction();
        foreach (var message in messages)
        {
            using var command = Command("""
                INSERT INTO messages (queue, message_id, body, body_md5, attributes, system_attributes, sender_id, sent_ms, visible_ms)
                VALUES ($queue, $id, $body, $md5, $attributes, $system, $sender, $sent, $visible)
                """,
                ("$queue", queue), ("$id", message.MessageId), ("$body", message.Body), ("$md5", message.BodyMd5),
                ("$attributes", AttributesJson(message.Attributes)), ("$system", AttributesJson(message.SystemAttributes)),
                ("$sender", message.SenderId), ("$sent", message.SentMs), ("$visible", message.VisibleMs));
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    });

    /// <summary>
    /// Picks up to <paramref name="max"/> visible messages oldest first, hides them for the visibility timeout and
    /// hands each a new receipt. A message already received <see cref="RedriveTarget.MaxReceiveCount"/> times moves
    /// to the dead-letter queue instead. Messages past the retention period are dropped first.
    /// </summary>
    public Task<IReadOnlyList<StoredMessage>> ReceiveAsync(
        string queue, int max, long visibilityMs, long nowMs, long retentionMs, RedriveTarget? redrive, Func<string, string> newReceipt, CancellationToken ct) =>
        Locked(ct, () =>
        {
            using var transaction = connection.BeginTransaction();
            using (var expire = Command("DELETE FROM messages WHERE queue = $queue AND sent_ms + $retention <= $now",
                       ("$queue", queue), ("$retention", retentionMs), ("$now", nowMs)))
            {
                expire.ExecuteNonQuery();
            }

            var received = new List<StoredMessage>();
            while (received.Count < max)
            {
                var candidates = VisibleMessages(queue, nowMs, max - received.Count);
                if (candidates.Count == 0)
                {
                    break;
                }

                foreach (var candidate in candidates)
                {
                    if (redrive is not null && candidate.ReceiveCount >= redrive.MaxReceiveCount)
                    {
                        using var move = Command("""
                            UPDATE messages SET queue = $dlq, visible_ms = $now, receive_count = 0, first_receive_ms = NULL,
                                receipt = NULL, dead_letter_source_arn = $source
                            WHERE message_id = $id
                            """, ("$dlq", redrive.DeadLetterQueueName), ("$now", nowMs), ("$source", redrive.SourceQueueArn), ("$id", candidate.MessageId));
                        move.ExecuteNonQuery();
                        continue;
                    }

                    var delivered = candidate with
                    {
                        ReceiveCount = candidate.ReceiveCount + 1,
                        FirstReceiveMs = candidate.FirstReceiveMs ?? nowMs,
                        VisibleMs = nowMs + visibilityMs,
                        Receipt = newReceipt(candidate.MessageId),
                    };
                    using var hide = Command("""
                        UPDATE messages SET receive_count = $count, first_receive_ms = $first, visible_ms = $visible, receipt = $receipt
                        WHERE message_id = $id
                        """, ("$count", delivered.ReceiveCount), ("$first", delivered.FirstReceiveMs), ("$visible", delivered.VisibleMs),
                        ("$receipt", delivered.Receipt), ("$id", delivered.MessageId));
                    hide.ExecuteNonQuery();
                    received.Add(delivered);
                }
            }

            transaction.Commit();
            return (IReadOnlyList<StoredMessage>)received;
        });

    /// <summary>When the next hidden or delayed message of the queue becomes visible, if any.</summary>
    public Task<long?> NextVisibleAtAsync(string queue, long nowMs, CancellationToken ct) => Locked(ct, () =>
    {
        using var command = Command("SELECT MIN(visible_ms) FROM messages WHERE queue = $queue AND visible_ms > $now", ("$queue", queue), ("$now", nowMs));
        return command.ExecuteScalar() is long next ? next : (long?)null;
    });

    /// <summary>Deletes the message if the receipt is its latest one; a stale receipt deletes nothing, as in SQS.</summary>
    public Task<bool> DeleteMessageAsync(string queue, string messageId, string receipt, CancellationToken ct) => Locked(ct, () =>
    {
        using var command = Command(
            "DELETE FROM messages WHERE queue = $queue AND message_id = $id AND receipt = $receipt",
            ("$queue", queue), ("$id", messageId), ("$receipt", receipt));
        return command.ExecuteNonQuery() > 0;
    });

    public Task<VisibilityChange> ChangeVisibilityAsync(
        string queue, string messageId, string receipt, long visibleMs, long nowMs, CancellationToken ct) => Locked(ct, () =>
    {
        using var command = Command(
            "SELECT visible_ms FROM messages WHERE queue = $queue AND message_id = $id AND receipt = $receipt",
            ("$queue", queue), ("$id", messageId), ("$receipt", receipt));
        if (command.ExecuteScalar() is not long currentVisibleMs)
        {
            return VisibilityChange.NoSuchReceipt;
        }

        if (currentVisibleMs <= nowMs)
        {
            return VisibilityChange.NotInFlight;
        }

        using var update = Command("UPDATE messages SET visible_ms = $visible WHERE message_id = $id", ("$visible", visibleMs), ("$id", messageId));
        update.ExecuteNonQuery();
        return VisibilityChange.Changed;
    });

    public Task<QueueCounts> CountAsync(string queue, long nowMs, CancellationToken ct) => Locked(ct, () =>
    {
        using var command = Command("""
            SELECT
                COALESCE(SUM(CASE WHEN visible_ms <= $now THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN visible_ms > $now AND receipt IS NOT NULL THEN 1 ELSE 0 END), 0),
                COALESCE(SUM(CASE WHEN visible_ms > $now AND receipt IS NULL THEN 1 ELSE 0 END), 0)
            FROM messages WHERE queue = $queue
            """, ("$queue", queue), ("$now", nowMs));
        using var reader = command.ExecuteReader();
        reader.Read();
        return new QueueCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    });

    /// <summary>The distinct source queue ARNs of the messages in a dead-letter queue, with how many came from each.</summary>
    public Task<IReadOnlyDictionary<string, long>> DeadLetterSourcesAsync(string queue, CancellationToken ct) => Locked(ct, () =>
    {
        using var command = Command(
            "SELECT COALESCE(dead_letter_source_arn, ''), COUNT(*) FROM messages WHERE queue = $queue GROUP BY dead_letter_source_arn",
            ("$queue", queue));
        using var reader = command.ExecuteReader();
        var sources = new Dictionary<string, long>();
        while (reader.Read())
        {
            sources[reader.GetString(0)] = reader.GetInt64(1);
        }

        return (IReadOnlyDictionary<string, long>)sources;
    });

    /// <summary>
    /// Moves the messages of <paramref name="source"/> to the queues <paramref name="destinationOf"/> names for each
    /// message's original source ARN (null: leave it), made visible at once with a fresh receive count; records the task.
    /// </summary>
    public Task<long> MoveMessagesAsync(
        string source, Func<string?, string?> destinationOf, string handle, string sourceArn, string? destinationArn, long nowMs, CancellationToken ct) =>
        Locked(ct, () =>
        {
            using var transaction = connection.BeginTransaction();
            var moves = new List<(string Id, string Destination)>();
            using (var select = Command("SELECT message_id, dead_letter_source_arn FROM messages WHERE queue = $queue ORDER BY seq", ("$queue", source)))
            using (var reader = select.ExecuteReader())
            {
                while (reader.Read())
                {
                    var destination = destinationOf(reader.IsDBNull(1) ? null : reader.GetString(1));
                    if (destination is not null)
                    {
                        moves.Add((reader.GetString(0), destination));
                    }
                }
            }

            foreach (var (id, destination) in moves)
            {
                using var move = Command("""
                    UPDATE messages SET queue = $destination, visible_ms = $now, receive_count = 0, first_receive_ms = NULL,
                        receipt = NULL, dead_letter_source_arn = NULL
                    WHERE message_id = $id
                    """, ("$destination", destination), ("$now", nowMs), ("$id", id));
                move.ExecuteNonQuery();
            }

            using (var task = Command("""
                INSERT INTO move_tasks (handle, source_arn, destination_arn, status, moved, to_move, started_ms)
                VALUES ($handle, $source, $destination, 'COMPLETED', $moved, $moved, $now)
                """, ("$handle", handle), ("$source", sourceArn), ("$destination", destinationArn), ("$moved", moves.Count), ("$now", nowMs)))
            {
                task.ExecuteNonQuery();
            }

            transaction.Commit();
            return (long)moves.Count;
        });

    public Task<IReadOnlyList<MessageMoveTaskResult>> ListMoveTasksAsync(string sourceArn, int limit, CancellationToken ct) => Locked(ct, () =>
    {
        using var command = Command("""
            SELECT handle, status, source_arn, destination_arn, moved, to_move, failure, started_ms FROM move_tasks
            WHERE source_arn = $source ORDER BY started_ms DESC, rowid DESC LIMIT $limit
            """, ("$source", sourceArn), ("$limit", limit));
        using var reader = command.ExecuteReader();
        var tasks = new List<MessageMoveTaskResult>();
        while (reader.Read())
        {
            tasks.Add(new MessageMoveTaskResult(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetInt64(4), reader.GetInt64(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetInt64(7)));
        }

        return (IReadOnlyList<MessageMoveTaskResult>)tasks;
    });

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

    private Task Locked(CancellationToken ct, Action work) => Locked(ct, () =>
    {
        work();
        return true;
    });

    private async Task<T> Locked<T>(CancellationToken ct, Func<T> work)
    {
        await gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return work();
        }
        finally
        {
            gate.Release();
        }
    }

    private QueueRecord? FindQueue(string name)
    {
        using var command = Command(
            "SELECT name, attributes, tags, created_ms, modified_ms, last_purge_ms FROM queues WHERE name = $name", ("$name", name));
        using var reader = command.ExecuteReader();
        return reader.Read() ? ReadQueue(reader) : null;
    }

    private List<StoredMessage> VisibleMessages(string queue, long nowMs, int limit)
    {
        using var command = Command("""
            SELECT message_id, body, body_md5, attributes, system_attributes, sender_id, sent_ms, visible_ms, receive_count, first_receive_ms, receipt
            FROM messages WHERE queue = $queue AND visible_ms <= $now ORDER BY seq LIMIT $limit
            """, ("$queue", queue), ("$now", nowMs), ("$limit", limit));
        using var reader = command.ExecuteReader();
        var messages = new List<StoredMessage>();
        while (reader.Read())
        {
            messages.Add(new StoredMessage(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : FromJsonAttributes(reader.GetString(3)),
                reader.IsDBNull(4) ? null : FromJsonAttributes(reader.GetString(4)),
                reader.GetString(5), reader.GetInt64(6), reader.GetInt64(7), reader.GetInt32(8),
                reader.IsDBNull(9) ? null : reader.GetInt64(9), reader.IsDBNull(10) ? null : reader.GetString(10)));
        }

        return messages;
    }

    private static QueueRecord ReadQueue(SqliteDataReader reader) => new(
        reader.GetString(0),
        JsonSerializer.Deserialize(reader.GetString(1), SqsJsonContext.Default.DictionaryStringString)!,
        JsonSerializer.Deserialize(reader.GetString(2), SqsJsonContext.Default.DictionaryStringString)!,
        reader.GetInt64(3),
        reader.GetInt64(4),
        reader.IsDBNull(5) ? null : reader.GetInt64(5));

    private static string ToJson(IReadOnlyDictionary<string, string> values) =>
        JsonSerializer.Serialize(new Dictionary<string, string>(values), SqsJsonContext.Default.DictionaryStringString);

    private static string? AttributesJson(IReadOnlyDictionary<string, MessageAttributeValue>? attributes) =>
        attributes is null || attributes.Count == 0
            ? null
            : JsonSerializer.Serialize(new Dictionary<string, MessageAttributeValue>(attributes), SqsJsonContext.Default.DictionaryStringMessageAttributeValue);

    private static Dictionary<string, MessageAttributeValue> FromJsonAttributes(string json) =>
        JsonSerializer.Deserialize(json, SqsJsonContext.Default.DictionaryStringMessageAttributeValue)!;

    private void Execute(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
