using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxMaturity.Web.Data.Configurations;

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{
    public const int MaxCommentLength = 4000;

    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.Property(a => a.QuestionId).HasMaxLength(100);
        builder.Property(a => a.Comment).HasMaxLength(MaxCommentLength);
        builder.Property(a => a.Evidence).HasMaxLength(MaxCommentLength);
        builder.HasIndex(a => new { a.RespondentId, a.QuestionId }).IsUnique();
        // Covers the results query (respondent, question, level) so that scoring a round of a thousand respondents
        // reads the index alone instead of fifty thousand table rows.
        builder.HasIndex(a => new { a.RespondentId, a.QuestionId, a.Level });
    }
}
