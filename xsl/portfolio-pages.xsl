<?xml version="1.0" encoding="UTF-8"?>
<!--
  The example's XSL view (docs/xsl-views.md): portfolio.xsl's front page, plus a second file in
  the view folder, parts.xml (a plain list of the view's parts), written with
  xsl:result-document. XSLT 3.0; portfolio.xsl itself stays XSLT 1.0.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:v="urn:vitrine:xsl-view:1"
    exclude-result-prefixes="v" expand-text="yes">

  <xsl:import href="portfolio.xsl"/>

  <xsl:param name="view-id"/>

  <xsl:template match="/v:view">
    <xsl:apply-imports/>
    <xsl:result-document href="parts.xml" method="xml" indent="yes">
      <parts view="{$view-id}">
        <xsl:for-each select="v:parts/v:part">
          <part id="{@id}" kind="{@kind}" href="{@href}">{@title}</part>
        </xsl:for-each>
      </parts>
    </xsl:result-document>
  </xsl:template>
</xsl:stylesheet>
