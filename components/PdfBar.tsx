/**
 * The bar of a page whose report is published as a PDF attachment (a report
 * title over 「附件：….pdf」 and no report tables): it says so and offers
 * 「检查附件 PDF」 for each report PDF the page links (PdfChecks.tsx),
 * beside the article (SideBar.tsx).
 */
import type { AcceptEvent } from '../lib/annotate/trusted';
import type { PdfOffer } from '../lib/content/analyser';
import type { Translate } from './i18n';
import { PdfChecks } from './PdfChecks';
import { type MountedBar, mountSideBar, SideBar } from './SideBar';

export interface PdfBarProps {
  doc: Document;
  offer: PdfOffer;
  /** The article (lib/extract.ts findContentRoot), whose text the bar keeps clear of. */
  articleRoot: Element;
  t: Translate;
  onDismiss(): void;
  /** Only the user's own clicks act, by default; jsdom tests pass a permissive policy. */
  acceptEvent?: AcceptEvent;
}

export function PdfBar(props: PdfBarProps) {
  const { t } = props;
  return (
    <SideBar
      doc={props.doc}
      name="pdf"
      aside={props.articleRoot}
      label={t('page_pdfBarLabel')}
      tabMark="PDF"
      tabTitle={t('popupAttachedPdf')}
      dismissLabel={t('page_pdfDismiss')}
      t={t}
      onDismiss={props.onDismiss}
      {...(props.acceptEvent ? { acceptEvent: props.acceptEvent } : {})}
    >
      <PdfChecks
        offer={props.offer}
        note={t('popupAttachedPdf')}
        t={t}
        {...(props.acceptEvent ? { acceptEvent: props.acceptEvent } : {})}
      />
    </SideBar>
  );
}

export type MountedPdfBar = MountedBar;

/** Mounts the bar in its own closed-root host on `<html>`; `remove` takes it (and its host) away. */
export function mountPdfBar(props: Omit<PdfBarProps, 'onDismiss'>): MountedPdfBar {
  return mountSideBar(props.doc, (dismiss) => <PdfBar {...props} onDismiss={dismiss} />);
}
