using Marketplace.BuildingBlocks.Domain;

namespace Marketplace.Courses.Domain.Enrolments;

public enum EnrolmentStatus
{
    InProgress,
    Completed,
    Withdrawn,
}

/// <summary>
/// A seeker taking a course: progress in percent as they report it, then completion, which is final (the skills it taught
/// reach their profile once). Withdrawing keeps the record; enrolling again resumes it.
/// </summary>
public sealed class Enrolment : AggregateRoot<Guid>
{
    private Enrolment()
    {
    }

    public Guid SeekerId { get; private set; }

    public Guid CourseId { get; private set; }

    public EnrolmentStatus Status { get; private set; }

    public int Progress { get; private set; }

    public DateTimeOffset EnrolledAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public int Revision { get; private set; }

    public static Enrolment Start(Guid id, Guid seekerId, Guid courseId, DateTimeOffset now) => new()
    {
        Id = id,
        SeekerId = seekerId,
        CourseId = courseId,
        Status = EnrolmentStatus.InProgress,
        EnrolledAt = now,
        UpdatedAt = now,
        Revision = 1,
    };

    public Result Resume(DateTimeOffset now)
    {
        if (Status == EnrolmentStatus.InProgress)
        {
            return Error.Conflict("enrolment.exists", "You are already enrolled in this course.");
        }

        if (Status == EnrolmentStatus.Completed)
        {
            return Error.Conflict("enrolment.completed", "You have completed this course.");
        }

        Status = EnrolmentStatus.InProgress;
        Touch(now);
        return Result.Success();
    }

    public Result RecordProgress(int percent, DateTimeOffset now)
    {
        if (percent is < 0 or > 100)
        {
            return Error.Validation("Progress", "Progress is a percentage from 0 to 100.");
        }

        if (Status != EnrolmentStatus.InProgress)
        {
            return Error.Conflict("enrolment.not_in_progress", Status == EnrolmentStatus.Completed
                ? "You have completed this course."
                : "You withdrew from this course; enrol again to record progress.");
        }

        if (percent == 100)
        {
            return Complete(now);
        }

        Progress = percent;
        Touch(now);
        return Result.Success();
    }

    public Result Complete(DateTimeOffset now)
    {
        if (Status != EnrolmentStatus.InProgress)
        {
            return Error.Conflict("enrolment.not_in_progress", Status == EnrolmentStatus.Completed
                ? "You have already completed this course."
                : "You withdrew from this course; enrol again to complete it.");
        }

        Status = EnrolmentStatus.Completed;
        Progress = 100;
        CompletedAt = now;
        Touch(now);
        return Result.Success();
    }

    public Result Withdraw(DateTimeOffset now)
    {
        if (Status != EnrolmentStatus.InProgress)
        {
            return Error.Conflict("enrolment.not_in_progress", "Only a course in progress can be left.");
        }

        Status = EnrolmentStatus.Withdrawn;
        Touch(now);
        return Result.Success();
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Revision++;
    }
}
