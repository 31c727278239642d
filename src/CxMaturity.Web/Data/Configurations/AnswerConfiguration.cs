using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxMaturity.Web.Data.Configurations;

internal sealed class AnswerConfiguration : IEntityTypeConfiguration<Answer>
{

    public void Configure(EntityTypeBuilder<Answer> builder)
    {
        builder.Property(a => a.QuestionId).HasMaxLength(FieldLimits.ModelId);
        builder.Property(a => a.Comment).HasMaxLength(FieldLimits.Comment);
        builder.Property(a => a.Evidence).HasMaxLength(FieldLimits.Comment);
        builder.HasIndex(a => new { a.RespondentId, a.QuestionId }).IsUnique();
        // Covers the results query (respondent, question, level) so that scoring a round of a thousand respondents
        // reads the index alone instead of fifty thousand table rows.
        builder.HasIndex(a => new { a.RespondentId, a.QuestionId, a.Level });
    }
}
