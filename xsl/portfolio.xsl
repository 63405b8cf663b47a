<?xml version="1.0" encoding="UTF-8"?>
<!--
  An XSL view of the example portfolio (docs/xsl-views.md). XSLT 1.0, so that it runs in any
  XSLT processor (bench/xsl.ts compares saxon-js with xsltproc on it).

  It makes a fragment, which Vitrine places inside the theme's layout: a list of the view's
  parts with their kind, their own words from the IMS record, what evidences them, and the
  files they use, linked to the theme's part pages. portfolio-pages.xsl builds on it.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:v="urn:vitrine:xsl-view:1"
    xmlns:lip="http://www.imsglobal.org/xsd/imslip_v1p0"
    xmlns:assert="http://www.imsglobal.org/xsd/imsassert_v1p0"
    xmlns:reflex="http://www.imsglobal.org/xsd/imsreflex_v1p0"
    exclude-result-prefixes="v lip assert reflex">

  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <xsl:param name="view-id"/>
  <xsl:param name="base-url"/>

  <xsl:key name="part" match="v:part" use="@id"/>
  <xsl:key name="evidence-for" match="v:relation[@type='Evidences']" use="v:to/@part"/>

  <xsl:template match="/v:view">
    <div class="xsl-portfolio" data-view="{$view-id}">
      <h2>
        <xsl:value-of select="v:title"/>
      </h2>
      <xsl:if test="v:owner">
        <p class="xsl-owner">
          <xsl:value-of select="key('part', v:owner/@part)/@title"/>
        </p>
      </xsl:if>
      <p class="xsl-count">
        <xsl:value-of select="count(v:parts/v:part)"/>
        <xsl:text> parts, </xsl:text>
        <xsl:value-of select="count(v:relations/v:relation)"/>
        <xsl:text> relations, </xsl:text>
        <xsl:value-of select="count(v:files/v:file)"/>
        <xsl:text> files</xsl:text>
      </p>
      <ol class="xsl-parts">
        <xsl:apply-templates select="v:parts/v:part"/>
      </ol>
    </div>
  </xsl:template>

  <xsl:template match="v:part">
    <li id="xsl-{@slug}" class="xsl-part xsl-part--{@kind}">
      <a href="{$base-url}{@href}">
        <xsl:value-of select="@title"/>
      </a>
      <xsl:text> </xsl:text>
      <span class="xsl-kind">
        <xsl:value-of select="@kind"/>
      </span>
      <!-- The part's own words, formatted: v:description holds them as sanitized XHTML (v:html)
           and as plain text (v:text). The html mode rebuilds the XHTML elements without their
           namespace, for this stylesheet's HTML output. -->
      <xsl:if test="v:description">
        <div class="xsl-text">
          <xsl:if test="v:description/@lang">
            <xsl:attribute name="lang"><xsl:value-of select="v:description/@lang"/></xsl:attribute>
          </xsl:if>
          <xsl:apply-templates select="v:description/v:html/node()" mode="html"/>
        </div>
      </xsl:if>
      <xsl:variable name="evidence" select="key('evidence-for', @id)"/>
      <xsl:if test="$evidence">
        <p class="xsl-evidence">
          <xsl:text>Evidence: </xsl:text>
          <xsl:for-each select="$evidence">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <xsl:value-of select="key('part', @from)/@title"/>
          </xsl:for-each>
        </p>
      </xsl:if>
      <xsl:for-each select="v:uses">
        <xsl:variable name="file" select="/v:view/v:files/v:file[@path = current()/@file]"/>
        <xsl:if test="$file/@href">
          <p class="xsl-file">
            <a href="{$base-url}{$file/@href}">
              <xsl:value-of select="$file/@path"/>
            </a>
          </p>
        </xsl:if>
      </xsl:for-each>
    </li>
  </xsl:template>

  <!-- XHTML nodes of a description, as HTML elements (same names and attributes, no namespace). -->
  <xsl:template match="*" mode="html">
    <xsl:element name="{local-name()}">
      <xsl:copy-of select="@*"/>
      <xsl:apply-templates select="node()" mode="html"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="text()" mode="html">
    <xsl:value-of select="."/>
  </xsl:template>
</xsl:stylesheet>
