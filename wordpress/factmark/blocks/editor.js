// The block editor's side of the "Fact-check group" block: a group holds
// reports, a report holds ordinary blocks (paragraphs, headings, quotes) and
// has two fields, the outlet's name and the publication date. Both blocks are
// rendered on the server (factmark.php), so what is saved is only the block
// comments and the reports' paragraphs: kses has nothing to strip, whatever
// the author's role. Plain script over WordPress's globals: no build step.
(function (wp) {
  const { registerBlockType } = wp.blocks;
  const { createElement: el } = wp.element;
  const { InnerBlocks, useBlockProps } = wp.blockEditor;
  const { TextControl, ToggleControl } = wp.components;
  const { __ } = wp.i18n;

  registerBlockType('factmark/group', {
    apiVersion: 2,
    title: __('Fact-check group', 'factmark'),
    description: __('Reports of one event; factmark marks the numbers they state differently.', 'factmark'),
    category: 'widgets',
    icon: 'yes-alt',
    keywords: ['factmark', 'fact check', 'reports', 'numbers'],
    supports: { html: false },
    edit() {
      return el(
        'div',
        useBlockProps({ className: 'factmark-group-editor' }),
        el('p', { className: 'factmark-group-editor-title' }, __('Fact-check group: factmark compares the numbers of these reports.', 'factmark')),
        el(InnerBlocks, {
          allowedBlocks: ['factmark/report'],
          template: [['factmark/report'], ['factmark/report']],
          renderAppender: InnerBlocks.ButtonBlockAppender,
        }),
      );
    },
    save() {
      return el(InnerBlocks.Content);
    },
  });

  registerBlockType('factmark/report', {
    apiVersion: 2,
    title: __('Report', 'factmark'),
    description: __('One outlet’s report, named and dated. The post’s own report can take its name and date from the post.', 'factmark'),
    category: 'widgets',
    icon: 'media-text',
    parent: ['factmark/group'],
    attributes: {
      name: { type: 'string', default: '' },
      date: { type: 'string', default: '' },
      fromPost: { type: 'boolean', default: false },
    },
    supports: { html: false, reusable: false },
    edit({ attributes, setAttributes }) {
      return el(
        'div',
        useBlockProps({ className: 'factmark-report-editor' }),
        el(
          'div',
          { className: 'factmark-report-fields' },
          el(TextControl, {
            label: __('Outlet (report name)', 'factmark'),
            value: attributes.name,
            placeholder: attributes.fromPost ? __('empty: this site’s name', 'factmark') : __('e.g. Reuters', 'factmark'),
            onChange: (name) => setAttributes({ name }),
          }),
          el(TextControl, {
            label: __('Published (YYYY-MM-DD)', 'factmark'),
            value: attributes.date,
            placeholder: attributes.fromPost ? __('empty: the post’s date', 'factmark') : __('empty: undated', 'factmark'),
            onChange: (date) => setAttributes({ date }),
          }),
          el(ToggleControl, {
            label: __('This post’s own report (empty name and date come from the post)', 'factmark'),
            checked: attributes.fromPost,
            onChange: (fromPost) => setAttributes({ fromPost }),
          }),
        ),
        el(InnerBlocks, {
          template: [['core/paragraph', { placeholder: __('Paste the report’s text…', 'factmark') }]],
          templateLock: false,
        }),
      );
    },
    save() {
      return el(InnerBlocks.Content);
    },
  });
})(window.wp);
