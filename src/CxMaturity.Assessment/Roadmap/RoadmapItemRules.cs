using CxMaturity.Assessment.Common;

namespace CxMaturity.Assessment.Roadmap;

/// <summary>
/// What may happen to a roadmap item (RULES.md §6.10): the CX lead accepts or rejects it, and may turn an item that is
/// not rejected into a project, once. A project is a decision to do the item, so the item becomes Accepted; an item
/// that is a project cannot be rejected (cancel the project instead).
/// </summary>
public static class RoadmapItemRules
{
    /// <summary>Checks that an item titled <paramref name="title"/>, linked to <paramref name="projectId"/>, may take <paramref name="status"/>.</summary>
    /// <exception cref="ConflictException">Rejecting an item that is a project.</exception>
    public static void CheckStatus(string title, RoadmapItemStatus status, int? projectId)
    {
        if (status == RoadmapItemStatus.Rejected && projectId is { } project)
        {
            throw new ConflictException($"“{title}” is project {project}, so it cannot be rejected. Cancel the project instead.");
        }
    }

    /// <summary>The status an item takes when it is turned into a project: Accepted.</summary>
    /// <exception cref="ConflictException">The item is already a project, or it is rejected.</exception>
    public static RoadmapItemStatus TurnIntoProject(string title, RoadmapItemStatus status, int? projectId)
    {
        if (projectId is { } existing)
        {
            throw new ConflictException($"“{title}” is already project {existing}. Open it from the roadmap.");
        }

        if (status == RoadmapItemStatus.Rejected)
        {
            throw new ConflictException($"“{title}” is rejected. Accept it before turning it into a project.");
        }

        return RoadmapItemStatus.Accepted;
    }
}
