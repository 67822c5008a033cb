using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL;

namespace Marketplace.BuildingBlocks.Infrastructure.Persistence;

/// <summary>The connection died under a transaction that did not commit: the whole unit of work may run again.</summary>
public sealed class TransientDatabaseException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// The database cannot be reached (for longer than the retries wait), or a commit's outcome could not be learnt: the
/// request answers 503 with Retry-After. Nothing was stored, except in the one case the message says it may have been.
/// </summary>
public sealed class DatabaseUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>
/// Retries a unit of work when PostgreSQL goes away under it: on the transient errors Npgsql knows, and also when the
/// connection was found broken after any failure (a transaction that dies under the unit of work surfaces as an
/// ObjectDisposedException or an error about the connection, not as a transient error).
/// </summary>
public sealed class ModuleExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : NpgsqlRetryingExecutionStrategy(dependencies, MaxRetries, MaxDelay, errorCodesToAdd: null)
{
    /// <summary>With at most 2 s between tries, about 10 s in all: enough for a restart, short enough for a request.</summary>
    public const int MaxRetries = 6;

    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(2);

    protected override bool ShouldRetryOn(Exception? exception) =>
        exception is not null && (UnitOfWork.Chain(exception).Any(e => e is TransientDatabaseException) || base.ShouldRetryOn(exception));
}

/// <summary>One transaction of a module's context, run inside its execution strategy, with a commit that knows its outcome.</summary>
public static class UnitOfWork
{
    /// <summary>
    /// Runs <paramref name="work"/> in a new transaction, all of it again when the connection fails under it; the work
    /// commits through <see cref="CommitAsync"/> or rolls back. The transaction is disposed without masking what failed.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(DbContext context, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        context.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            context.ChangeTracker.Clear();
            var transaction = await context.Database.BeginTransactionAsync(ct);
            try
            {
                return await work(ct);
            }
            catch (Exception exception) when (exception is not (TransientDatabaseException or DatabaseUnavailableException) && ConnectionFailed(context, exception))
            {
                throw new TransientDatabaseException("The database connection failed during the unit of work; nothing was committed.", exception);
            }
            finally
            {
                await DisposeQuietlyAsync(context, transaction);
            }
        }, cancellationToken);

    /// <summary>
    /// Commits the context's transaction. When the connection dies during the commit, its outcome is read back from the
    /// server (pg_xact_status of the transaction's id): committed is success, not committed is retried, and an outcome
    /// that cannot be learnt for about ten seconds is <see cref="DatabaseUnavailableException"/>, never a retry, which
    /// could apply the work twice.
    /// </summary>
    public static async Task CommitAsync(DbContext context, CancellationToken cancellationToken)
    {
        var transaction = context.Database.CurrentTransaction ?? throw new InvalidOperationException("No transaction to commit.");
        string transactionId;
        await using (var command = context.Database.GetDbConnection().CreateCommand())
        {
            command.Transaction = transaction.GetDbTransaction();
            command.CommandText = "SELECT pg_current_xact_id()::text";
            transactionId = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        }

        try
        {
            await transaction.CommitAsync(cancellationToken);
        }
        catch (Exception exception) when (ConnectionFailed(context, exception))
        {
            var outcome = await CommitOutcomeAsync(context.Database.GetConnectionString()!, transactionId);
            switch (outcome)
            {
                case "committed":
                    return;
                case "aborted":
                    throw new TransientDatabaseException("The connection failed during the commit, which did not happen.", exception);
                default:
                    throw new DatabaseUnavailableException(
                        $"The connection failed during the commit of transaction {transactionId}, whose outcome could not be learnt; the change may have been stored.",
                        exception);
            }
        }
    }

    /// <summary>A raw command on the context's connection, in its current transaction; any schema in the text is a descriptor's.</summary>
    public static NpgsqlCommand Command(DbContext context, string sql) =>
        new(sql, (NpgsqlConnection)context.Database.GetDbConnection(), (NpgsqlTransaction?)context.Database.CurrentTransaction?.GetDbTransaction());

    public static async Task DisposeQuietlyAsync(DbContext context, IDbContextTransaction transaction)
    {
        try
        {
            await transaction.DisposeAsync();
        }
        catch (Exception exception) when (ConnectionFailed(context, exception))
        {
            // The transaction died with its connection; what failed before this is what matters.
        }

        if (context.Database.CurrentTransaction is not null)
        {
            context.Database.UseTransaction(null);
        }
    }

    /// <summary>Whether a failure came from (or left behind) a connection that no longer works.</summary>
    public static bool ConnectionFailed(DbContext context, Exception exception) =>
        Chain(exception).Any(e => e is NpgsqlException { IsTransient: true } or ObjectDisposedException or TimeoutException)
        || context.Database.GetDbConnection().State is not (ConnectionState.Open or ConnectionState.Executing or ConnectionState.Fetching);

    public static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>committed, aborted, in progress, or null when the server cannot be reached for about ten seconds.</summary>
    private static async Task<string?> CommitOutcomeAsync(string connectionString, string transactionId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT pg_xact_status(@id::xid8)", connection);
                command.Parameters.AddWithValue("id", transactionId);
                var status = await command.ExecuteScalarAsync() as string;
                if (status is "committed" or "aborted")
                {
                    return status;
                }
            }
            catch (NpgsqlException)
            {
                // The server is still on its way back.
            }

            if (DateTime.UtcNow > deadline)
            {
                return null;
            }

            await Task.Delay(250);
        }
    }
}
