// Deliberate violations of the architecture rules, one namespace each: RulesCanFailTests shows every rule
// fails on them. Nothing here is used at run time.
#pragma warning disable CA1812, CA1822, CA1852, CS0649, CS0169, IDE0051

namespace Marketplace.Jobs.Domain.ArchitectureSample
{
    public sealed class SampleJobsDomainType;
}

namespace Marketplace.ArchitectureTests.Violations.DomainUsesEf
{
    public sealed class PostingWithDbContext
    {
        public Microsoft.EntityFrameworkCore.DbContext? Context { get; set; }
    }
}

namespace Marketplace.ArchitectureTests.Violations.ApplicationUsesHangfire
{
    public sealed class HandlerThatEnqueues
    {
        public Hangfire.IBackgroundJobClient? Jobs { get; set; }
    }
}

namespace Marketplace.ArchitectureTests.Violations.WebUsesDbContext
{
    public sealed class PageWithDbContext
    {
        public Microsoft.EntityFrameworkCore.DbContext? Context { get; set; }
    }
}

namespace Marketplace.ArchitectureTests.Violations.ContractUsesEf
{
    public sealed class ContractWithEntityEntry
    {
        public Microsoft.EntityFrameworkCore.ChangeTracking.EntityEntry? Entry { get; set; }
    }
}

namespace Marketplace.ArchitectureTests.Violations.ReachesIntoOtherModule
{
    public sealed class ProfileReadingJobsDomain
    {
        public Marketplace.Jobs.Domain.ArchitectureSample.SampleJobsDomainType? Posting { get; set; }
    }
}

namespace Marketplace.ArchitectureTests.Violations.Unsealed
{
    public class OpenForNoReason;
}

namespace Marketplace.ArchitectureTests.Violations.InternalHandler
{
    public sealed record HiddenCommand : Mediator.ICommand<int>;

    internal sealed class HiddenHandler : Mediator.ICommandHandler<HiddenCommand, int>
    {
        public ValueTask<int> Handle(HiddenCommand command, CancellationToken cancellationToken) => ValueTask.FromResult(1);
    }
}

namespace Marketplace.ArchitectureTests.Violations.CrossSchema
{
    using Microsoft.EntityFrameworkCore;

    public sealed class ProfileRow
    {
        public int Id { get; set; }
    }

    public sealed class PostingRow
    {
        public int Id { get; set; }
    }

    public sealed class ContextReachingIntoJobs(DbContextOptions<ContextReachingIntoJobs> options) : DbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.HasDefaultSchema("profiles");
            modelBuilder.Entity<ProfileRow>().ToTable("profiles");
            modelBuilder.Entity<PostingRow>().ToTable("postings", "jobs");
        }
    }
}

namespace Marketplace.ArchitectureTests.Violations.Composition
{
    using Marketplace.BuildingBlocks.Application;
    using Marketplace.BuildingBlocks.Domain;

    public sealed record SampleEvent(Guid EventId, DateTimeOffset OccurredAt) : IIntegrationEvent;

    public interface IUnregisteredService;

    public sealed class NeedsAnUnregisteredService(IUnregisteredService service) : IIntegrationEventHandler<SampleEvent>
    {
        public Task HandleAsync(SampleEvent integrationEvent, CancellationToken cancellationToken) => Task.FromResult(service);
    }

    public sealed class HandlerOutsideEveryModule : IIntegrationEventHandler<Marketplace.Jobs.Contracts.PostingPublished>
    {
        public Task HandleAsync(Marketplace.Jobs.Contracts.PostingPublished integrationEvent, CancellationToken cancellationToken) => Task.CompletedTask;
    }

    public sealed record CommandReturningAnInt : Mediator.ICommand<int>;

    public sealed record CommandReturningNothing : Mediator.ICommand;

    public sealed record PlainRequest : Mediator.IRequest<Result>;

    public sealed record FineCommand : Mediator.ICommand<Result<Guid>>;
}
