using Hangfire;
using Marketplace.Courses.Application.Imports;
using Marketplace.Courses.Application.Imports.Run;
using Marketplace.Courses.Domain.Imports;
using Marketplace.Courses.Infrastructure.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Marketplace.Courses.Infrastructure.Imports;

internal sealed class HangfireCourseImportQueue(IBackgroundJobClient jobs) : ICourseImportQueue
{
    public void Enqueue(Guid importId) => jobs.Enqueue<CourseImportJob>(job => job.RunAsync(importId, CancellationToken.None));
}

/// <summary>
/// Imports a started file batch by batch, each batch its own transaction (so the page's progress bar moves and a restart
/// resumes where it stopped). Safe to run twice: a batch done is recorded with it, and the catalog's upsert is keyed.
/// </summary>
public sealed partial class CourseImportJob(IServiceScopeFactory scopes, ILogger<CourseImportJob> logger)
{
    private static readonly TimeSpan CommitWait = TimeSpan.FromSeconds(30);

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task RunAsync(Guid importId, CancellationToken cancellationToken)
    {
        // The job is enqueued inside the transaction that queues the import: wait (bounded) until that commit is visible.
        var deadline = DateTime.UtcNow + CommitWait;
        while (await StatusAsync(importId, cancellationToken) == ImportStatus.Uploaded && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, cancellationToken);
        }

        try
        {
            bool more;
            do
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ImportCourseBatch(importId), cancellationToken);
                if (result.IsFailure)
                {
                    await FailAsync(importId, result.FirstError.Message, cancellationToken);
                    return;
                }

                more = result.Value;
            }
            while (more);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(logger, exception, importId);
            await FailAsync(importId, "The import stopped on an unexpected error; the rows before it were imported. Upload the file again to finish.", cancellationToken);
        }
    }

    private async Task<ImportStatus?> StatusAsync(Guid importId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<CoursesDbContext>();
        return await context.Imports.AsNoTracking().Where(i => i.Id == importId).Select(i => (ImportStatus?)i.Status).SingleOrDefaultAsync(cancellationToken);
    }

    private async Task FailAsync(Guid importId, string reason, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new FailCourseImport(importId, reason), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Course import {ImportId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, Guid importId);
}
