using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NewsPortal.Core.FrontPage;
using NewsPortal.Core.Site;

namespace NewsPortal.Core.Data.Configurations;

internal sealed class SiteDetailsConfiguration : IEntityTypeConfiguration<SiteDetails>
{
    public void Configure(EntityTypeBuilder<SiteDetails> b)
    {
        b.Property(d => d.Id).ValueGeneratedNever();
        b.Property(d => d.Name).HasMaxLength(SiteDetailsRules.NameLength).IsRequired();
        b.Property(d => d.Slogans).HasMaxLength(1000);
        b.Property(d => d.ChineseSlogans).HasMaxLength(1000);
        b.Property(d => d.ReportHotline).HasMaxLength(50);
        b.Property(d => d.IcpLicence).HasMaxLength(SiteDetailsRules.LineLength);
        b.Property(d => d.NewsServicePermit).HasMaxLength(SiteDetailsRules.LineLength);
        b.Property(d => d.ContactEmail).HasMaxLength(254);
        b.Property(d => d.SocialAccounts).HasMaxLength(5000);
        b.Property(d => d.Language).HasMaxLength(20);
        b.Property(d => d.TimeZone).HasMaxLength(64);
        b.Property(d => d.UpdatedBy).HasMaxLength(256);
        b.HasOne(d => d.LogoImage).WithMany().HasForeignKey(d => d.LogoImageId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class FrontPagePickConfiguration : IEntityTypeConfiguration<FrontPagePick>
{
    public void Configure(EntityTypeBuilder<FrontPagePick> b)
    {
        b.HasIndex(p => new { p.SectionId, p.Position });
        b.HasOne<Articles.Article>().WithMany().HasForeignKey(p => p.ArticleId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Articles.Section>().WithMany().HasForeignKey(p => p.SectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BreakingNewsConfiguration : IEntityTypeConfiguration<BreakingNews>
{
    public void Configure(EntityTypeBuilder<BreakingNews> b)
    {
        b.Property(n => n.Id).ValueGeneratedNever();
        b.Property(n => n.Text).HasMaxLength(FrontPageRules.StripTextLength).IsRequired();
        b.Property(n => n.Link).HasMaxLength(FrontPageRules.LinkLength);
        b.Property(n => n.UpdatedBy).HasMaxLength(256);
    }
}
