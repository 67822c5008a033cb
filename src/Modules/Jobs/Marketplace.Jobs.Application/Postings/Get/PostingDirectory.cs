using Marketplace.Jobs.Contracts;

namespace Marketplace.Jobs.Application.Postings.Get;

/// <summary>The Jobs module's answer to other modules asking for a public posting.</summary>
public sealed class PostingDirectory(IPostingRepository postings) : IPostingDirectory
{
    public async Task<PostingSnapshot?> FindPublicAsync(Guid postingId, CancellationToken cancellationToken) =>
        await postings.FindAsync(postingId, cancellationToken) is { IsPublic: true } posting ? PostingSnapshots.Of(posting) : null;
}
