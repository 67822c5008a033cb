namespace Marketplace.Jobs.Contracts;

/// <summary>A posting as other modules' pages read it (the Courses module's gap plan), by id.</summary>
public interface IPostingDirectory
{
    /// <summary>The posting as its events describe it, when anyone may see it (published, closed or expired); null otherwise.</summary>
    Task<PostingSnapshot?> FindPublicAsync(Guid postingId, CancellationToken cancellationToken);
}
